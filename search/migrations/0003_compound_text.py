"""A column 0004 removes again (PostgreSQL once built its compound vector from it)."""

from django.db import migrations, models


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
    ]
