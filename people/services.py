"""Rules about people and org units.

Unit groups mirror the OrgUnit tree: a person belongs to the group of their
own unit and of every unit above it (``OrgUnit.group``), and to the "direct"
group of their own unit only (``OrgUnit.direct_group``). A room granted to
"NAV Sandnes" with its sections is one guardian row on NAV Sandnes's group;
without its sections, one row on its direct group. Every change of placement
goes through ``person_move`` so the groups never go stale.
"""

import hashlib
import logging
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import ApiToken, OrgUnit, User

audit = logging.getLogger("fagrom.audit")


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


def _name_parts(full_name: str) -> tuple[str, str]:
    first, _, last = full_name.rpartition(" ")
    return (first, last) if first else (full_name, "")


KEEP = object()  # "the directory said nothing about this": leave the value as it is


@dataclass
class DirectoryChange:
    """What ``person_sync_from_directory`` did to one person."""

    user: User
    created: bool = False
    updated: bool = False
    moved: bool = False
    deactivated: bool = False
    reactivated: bool = False
    fields: list[str] = field(default_factory=list)


@transaction.atomic
def person_sync_from_directory(
    *,
    username: str,
    full_name: str | object = KEEP,
    email: str | object = KEEP,
    title: str | object = KEEP,
    unit: OrgUnit | None | object = KEEP,
    is_active: bool = True,
    source: str = "directory",
    existing: User | None | object = KEEP,
) -> DirectoryChange:
    """Create or update a person as the agency's directory describes them.

    Used by single sign-on (claims) and by ``sync_directory`` (an HR export).
    A value left as ``KEEP`` is one the directory did not send. The person
    becomes ``directory_managed``: their name and workplace are the
    directory's, so they cannot change them in Fagrom (the real-name rule).
    A move goes through ``person_move`` so room access follows at once.
    Deactivation keeps the user row, so their posts keep their name.
    ``existing`` lets a batch (the directory sync) pass the user it already
    loaded (or None for "no such user") instead of one lookup per person.
    """
    username = username.strip().lower()
    wanted = {"directory_managed": True, "is_active": is_active}
    if full_name is not KEEP:
        wanted["full_name"] = " ".join(str(full_name).split())
        wanted["first_name"], wanted["last_name"] = _name_parts(wanted["full_name"])
    if email is not KEEP:
        wanted["email"] = str(email).strip()
    if title is not KEEP:
        wanted["title"] = str(title).strip()

    if existing is KEEP:
        user = User.objects.filter(username__iexact=username).first()
    else:
        user = existing
    if user is None:
        user = person_create(
            username=username,
            full_name=wanted.get("full_name", ""),
            unit=None if unit is KEEP else unit,
            title=wanted.get("title", ""),
            email=wanted.get("email", ""),
            directory_managed=True,
            is_active=is_active,
        )
        audit.info(
            "person created from %s",
            source,
            extra={"event": "person_created", "username": username, "source": source},
        )
        return DirectoryChange(user=user, created=True)

    change = DirectoryChange(user=user)
    for name, value in wanted.items():
        if getattr(user, name) != value:
            change.fields.append(name)
            setattr(user, name, value)
    if change.fields:
        user.save(update_fields=change.fields)
    if "is_active" in change.fields:
        change.fields.remove("is_active")
        change.deactivated, change.reactivated = not is_active, is_active
    change.updated = bool(change.fields)
    if unit is not KEEP and user.org_unit_id != (unit.pk if unit else None):
        person_move(user=user, unit=unit)
        change.moved = True
    if change.updated or change.moved or change.deactivated or change.reactivated:
        audit.info(
            "person updated from %s",
            source,
            extra={
                "event": "person_updated",
                "username": username,
                "source": source,
                "fields": change.fields,
                "moved_to": unit.code if change.moved and unit else None,
                "deactivated": change.deactivated,
                "reactivated": change.reactivated,
            },
        )
    return change


@dataclass
class UnitChange:
    unit: OrgUnit
    created: bool = False
    updated: bool = False
    moved: bool = False


@transaction.atomic
def unit_sync_from_directory(
    *,
    code: str,
    name: str,
    kind: str,
    parent: OrgUnit | None,
    short_name: str | object = KEEP,
) -> UnitChange:
    """Create or update the unit with ``code``; move it under ``parent`` if the directory says so.

    A move changes which unit groups everyone below it belongs to, so their
    groups are brought in line at once (room access follows the organisation).
    """
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None:
        unit = unit_create(
            name=name,
            code=code,
            kind=kind,
            parent=parent,
            short_name="" if short_name is KEEP else str(short_name),
        )
        audit.info("unit created from directory", extra={"event": "unit_created", "code": code})
        return UnitChange(unit=unit, created=True)

    change = UnitChange(unit=unit)
    wanted = {"name": name, "kind": kind}
    if short_name is not KEEP:
        wanted["short_name"] = str(short_name)
    fields = [f for f, value in wanted.items() if getattr(unit, f) != value]
    for f in fields:
        setattr(unit, f, wanted[f])
    if fields:
        unit.save(update_fields=fields)
        change.updated = True

    current_parent = unit.get_parent()
    if (current_parent.pk if current_parent else None) != (parent.pk if parent else None):
        if parent is not None and (parent.pk == unit.pk or parent.is_descendant_of(unit)):
            raise ValueError(f"Unit {code} cannot be moved under its own descendant.")
        if parent is None:
            unit.move(OrgUnit.get_first_root_node(), "sorted-sibling")
        else:
            unit.move(parent, "sorted-child")
        unit.refresh_from_db()
        for person in User.objects.filter(org_unit__path__startswith=unit.path):
            person_sync_unit_groups(user=person)
        change.moved = True
    if change.updated or change.moved:
        audit.info(
            "unit updated from directory",
            extra={"event": "unit_updated", "code": code, "fields": fields, "moved": change.moved},
        )
    return change
