"""One analysis for every database: the index matches ``search.text`` tokens.

Drops the vendor analysis of 0002/0003 (PostgreSQL's "norwegian" and hunspell
vectors, SQLite's word and trigram FTS5 tables) and indexes the token columns
instead. Run ``manage.py search_reindex`` afterwards.
"""

from django.db import migrations, models

OLD_SQLITE = [
    "DROP TRIGGER IF EXISTS search_doc_ai",
    "DROP TRIGGER IF EXISTS search_doc_ad",
    "DROP TRIGGER IF EXISTS search_doc_au",
    "DROP TABLE IF EXISTS search_fts",
    "DROP TABLE IF EXISTS search_tri",
]
OLD_POSTGRES = [
    "ALTER TABLE search_indexeddocument DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE search_indexeddocument DROP COLUMN IF EXISTS compound_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS fagrom_compound",
    "DROP TEXT SEARCH DICTIONARY IF EXISTS fagrom_nb_hunspell",
]


def drop_old(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for sql in {"sqlite": OLD_SQLITE, "postgresql": OLD_POSTGRES}.get(vendor, []):
        schema_editor.execute(sql)


def create_new(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        from search.backends.sqlite import SETUP_SQL as sql_list
    elif vendor == "postgresql":
        from search.backends.postgres import SETUP_SQL as sql_list
    else:
        return
    for sql in sql_list:
        schema_editor.execute(sql)


def drop_new(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        from search.backends.sqlite import TEARDOWN_SQL as sql_list
    elif vendor == "postgresql":
        from search.backends.postgres import TEARDOWN_SQL as sql_list
    else:
        return
    for sql in sql_list:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_compound_text")]

    operations = [
        migrations.RunPython(drop_old, migrations.RunPython.noop),
        migrations.RunPython(migrations.RunPython.noop, drop_new),
        migrations.RemoveField(model_name="indexeddocument", name="compound_text"),
        migrations.AddField(
            model_name="indexeddocument",
            name="terms",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="indexeddocument",
            name="title_terms",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="indexeddocument",
            name="lead_terms",
            field=models.TextField(default="", editable=False),
        ),
        migrations.CreateModel(
            name="IndexedWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.CharField(max_length=60, unique=True)),
                ("documents", models.PositiveIntegerField(default=0)),
            ],
        ),
        migrations.CreateModel(
            name="LawName",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("abbreviation", models.CharField(help_text="Uten punktum, f.eks. «ftrl».", max_length=30, unique=True, verbose_name="forkortelse")),
                ("names", models.TextField(help_text="Ett navn per linje: bokmål, nynorsk og korte former («folketrygdloven»).", verbose_name="navn")),
            ],
            options={"verbose_name": "lovnavn", "verbose_name_plural": "lovnavn", "ordering": ["abbreviation"]},
        ),
        migrations.RunPython(create_new, migrations.RunPython.noop),
    ]
