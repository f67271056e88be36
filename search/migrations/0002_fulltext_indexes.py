"""Full-text parts of the index, per database: FTS5 tables on SQLite, tsvector columns on PostgreSQL."""

from django.db import migrations


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        from search.backends.sqlite import SETUP_SQL

        for sql in SETUP_SQL:
            schema_editor.execute(sql)
    elif connection.vendor == "postgresql":
        from search.backends.postgres import COLUMNS_SQL, ensure_compound_dictionary

        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        with connection.cursor() as cursor:
            ensure_compound_dictionary(cursor)
        for sql in COLUMNS_SQL:
            schema_editor.execute(sql)


def backwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        from search.backends.sqlite import TEARDOWN_SQL
    elif connection.vendor == "postgresql":
        from search.backends.postgres import TEARDOWN_SQL
    else:
        return
    for sql in TEARDOWN_SQL:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_index_tables")]

    operations = [migrations.RunPython(forwards, backwards)]
