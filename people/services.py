"""Rules about people and org units.

Unit groups mirror the OrgUnit tree: a person belongs to the group of their
own unit and of every unit above it, so a room granted to "NAV Sandnes" (with
its sections) is one guardian row on NAV Sandnes's group. Every change of
placement goes through ``person_move`` so the groups never go stale.
"""

from django.contrib.auth.models import Group
from django.db import transaction

from .models import OrgUnit, User


def unit_create(
    *, name: str, code: str, kind: str, parent: OrgUnit | None = None, short_name: str = ""
) -> OrgUnit:
    fields = {"name": name, "code": code, "kind": kind, "short_name": short_name}
    with transaction.atomic():
        unit = parent.add_child(**fields) if parent else OrgUnit.add_root(**fields)
        unit.group = Group.objects.create(name=unit.group_name)
        unit.save(update_fields=["group"])
    return unit


def unit_groups_for(unit: OrgUnit | None) -> list[Group]:
    """The groups a person placed in ``unit`` belongs to: the unit and its ancestors."""
    if unit is None:
        return []
    chain = [*unit.get_ancestors(), unit]
    return [u.group for u in chain if u.group_id]


@transaction.atomic
def person_move(*, user: User, unit: OrgUnit | None) -> None:
    """Place ``user`` in ``unit`` and bring their unit groups in line at once."""
    user.org_unit = unit
    user.save(update_fields=["org_unit"])
    person_sync_unit_groups(user=user)


def person_sync_unit_groups(*, user: User) -> None:
    wanted = {g.pk for g in unit_groups_for(user.org_unit)}
    current = set(user.groups.filter(org_unit__isnull=False).values_list("pk", flat=True))
    if stale := current - wanted:
        user.groups.remove(*stale)
    if missing := wanted - current:
        user.groups.add(*missing)
    user.__dict__.pop("_fagrom_grants", None)


@transaction.atomic
def profile_update(
    *, user: User, full_name: str, title: str, org_unit: OrgUnit | None, language: str
) -> User:
    """A person edits their own profile. Directory-managed names and units stay as the directory says."""
    if not user.directory_managed:
        user.full_name = full_name.strip()
        if user.org_unit_id != (org_unit.pk if org_unit else None):
            person_move(user=user, unit=org_unit)
    user.title = title.strip()
    user.language = language
    user.save(update_fields=["full_name", "title", "language"])
    return user


def person_create(
    *,
    username: str,
    full_name: str,
    unit: OrgUnit | None,
    title: str = "",
    email: str = "",
    password: str | None = None,
    **extra,
) -> User:
    first, _, last = full_name.rpartition(" ")
    user = User(
        username=username,
        full_name=full_name,
        first_name=first or full_name,
        last_name=last if first else "",
        title=title,
        email=email,
        **extra,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    person_move(user=user, unit=unit)
    return user
