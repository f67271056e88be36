"""PostgreSQL builds the compound vector from each distinct word once (``compound_text``)."""

from django.db import migrations, models


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        from search.backends.postgres import COMPOUND_FROM_DISTINCT_WORDS_SQL

        for sql in COMPOUND_FROM_DISTINCT_WORDS_SQL:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext_indexes")]

    operations = [
        # Nullable without a default: SQLite adds the column in place, so the FTS
        # triggers on the table survive.
        migrations.AddField(
            model_name="indexeddocument",
            name="compound_text",
            field=models.TextField(editable=False, null=True),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
