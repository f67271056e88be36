"""Give every existing unit its direct group and put the people placed in it there."""

from django.db import migrations


def fill(apps, schema_editor):
    OrgUnit = apps.get_model("people", "OrgUnit")
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("people", "User")
    Membership = User.groups.through
    for unit in OrgUnit.objects.filter(direct_group__isnull=True):
        group, _ = Group.objects.get_or_create(name=f"unit-direct:{unit.code}")
        unit.direct_group = group
        unit.save(update_fields=["direct_group"])
        people = User.objects.filter(org_unit=unit).values_list("pk", flat=True)
        Membership.objects.bulk_create(
            [Membership(user_id=pk, group_id=group.pk) for pk in people], ignore_conflicts=True
        )


class Migration(migrations.Migration):
    dependencies = [("people", "0002_unit_direct_group_and_api_tokens")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
