"""Rules about people and org units.

Unit groups mirror the OrgUnit tree: a person belongs to the group of their
own unit and of every unit above it (``OrgUnit.group``), and to the "direct"
group of their own unit only (``OrgUnit.direct_group``). A room granted to
"NAV Sandnes" with its sections is one guardian row on NAV Sandnes's group;
without its sections, one row on its direct group. Every change of placement
goes through ``person_move`` so the groups never go stale.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q

from ..models import OrgUnit, User


def unit_create(
    *, name: str, code: str, kind: str, parent: OrgUnit | None = None, short_name: str = ""
) -> OrgUnit:
    fields = {"name": name, "code": code, "kind": kind, "short_name": short_name}
    with transaction.atomic():
        unit = parent.add_child(**fields) if parent else OrgUnit.add_root(**fields)
        unit.group = Group.objects.create(name=unit.group_name)
        unit.direct_group = Group.objects.create(name=unit.direct_group_name)
        unit.save(update_fields=["group", "direct_group"])
    return unit


def unit_groups_for(unit: OrgUnit | None) -> list[Group]:
    """The groups a person placed in ``unit`` belongs to.

    The tree groups of the unit and its ancestors, and the unit's own direct group.
    """
    if unit is None:
        return []
    chain = [*unit.get_ancestors(), unit]
    groups = [u.group for u in chain if u.group_id]
    if unit.direct_group_id:
        groups.append(unit.direct_group)
    return groups


@transaction.atomic
def person_move(*, user: User, unit: OrgUnit | None) -> None:
    """Place ``user`` in ``unit`` and bring their unit groups in line at once."""
    user.org_unit = unit
    user.save(update_fields=["org_unit"])
    person_sync_unit_groups(user=user)


def person_sync_unit_groups(*, user: User) -> None:
    wanted = {g.pk for g in unit_groups_for(user.org_unit)}
    current = set(
        user.groups.filter(
            Q(org_unit__isnull=False) | Q(org_unit_direct__isnull=False)
        ).values_list("pk", flat=True)
    )
    if stale := current - wanted:
        user.groups.remove(*stale)
    if missing := wanted - current:
        user.groups.add(*missing)
    user.forget_request_memos()


@transaction.atomic
def profile_update(*, user: User, title: str, language: str) -> User:
    """A person edits their own profile: title and language, nothing else.

    Full name and workplace decide what every post shows and which rooms open, so
    they come only from the directory or an administrator (``identity_change``);
    a person asks for a correction instead (``identity_correction_request``).
    """
    user.title = title.strip()
    user.language = language
    user.save(update_fields=["title", "language"])
    return user


def user_language_set(*, user: User, language: str) -> User:
    """The person picked a language with the switch in the footer: it becomes their profile's."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Unknown language {language!r}")
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
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
