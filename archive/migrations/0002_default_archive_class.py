from django.db import migrations


def create_default_class(apps, schema_editor):
    # A case needs a class; records officers add their own archive key later.
    ArchiveClass = apps.get_model("archive", "ArchiveClass")
    ArchiveClass.objects.get_or_create(
        code="F01", defaults={"title": "Veiledning, presiseringer og praksis i fagforum"}
    )


class Migration(migrations.Migration):
    dependencies = [("archive", "0001_journal_nomination_retention")]

    operations = [migrations.RunPython(create_default_class, migrations.RunPython.noop)]
