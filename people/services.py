"""Rules about people and org units.

Unit groups mirror the OrgUnit tree: a person belongs to the group of their
own unit and of every unit above it (``OrgUnit.group``), and to the "direct"
group of their own unit only (``OrgUnit.direct_group``). A room granted to
"NAV Sandnes" with its sections is one guardian row on NAV Sandnes's group;
without its sections, one row on its direct group. Every change of placement
goes through ``person_move`` so the groups never go stale.
"""

import hashlib
import secrets

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import ApiToken, OrgUnit, User


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


# Personal API tokens ----------------------------------------------------------------------

API_TOKEN_PREFIX = "fgr_"


def api_token_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token and return it with its key; the key is shown once and never stored."""
    key = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name.strip(), prefix=key[:10], token_hash=api_token_hash(key)
    )
    return token, key


@transaction.atomic
def api_token_revoke(*, token: ApiToken, by: User) -> None:
    """Only the owner revokes a token (views load tokens from ``by.personal_api_tokens``)."""
    if token.user_id != by.pk:
        raise PermissionError("not your token")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def api_token_user(key: str) -> User | None:
    """The active person behind an API key, or None. Marks the token as used."""
    if not key or not key.startswith(API_TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=api_token_hash(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Write at most once a minute: every API call must not become a write.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
