"""Directory and single sign-on: people and units as the agency's directory describes them."""

import logging
from dataclasses import dataclass, field

from django.db import transaction

from ..models import OrgUnit, User
from .identity import KEEP, identity_change  # KEEP: "the directory said nothing about this"
from .organisation import person_create, person_sync_unit_groups, unit_create

audit = logging.getLogger("fagrom.audit")


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
    name = KEEP if full_name is KEEP else " ".join(str(full_name).split())
    if email is not KEEP:
        wanted["email"] = str(email).strip()
    if title is not KEEP:
        wanted["title"] = str(title).strip()
    why = "Fra virksomhetens katalog" if source == "directory" else "Fra innloggingen (SSO)"

    if existing is KEEP:
        user = User.objects.filter(username__iexact=username).first()
    else:
        user = existing
    if user is None:
        user = person_create(
            username=username,
            full_name="",
            unit=None,
            title=wanted.get("title", ""),
            email=wanted.get("email", ""),
            directory_managed=True,
            is_active=is_active,
        )
        # Name and workplace go through the identity log even for a new person.
        identity_change(person=user, source=source, reason=why, full_name=name, unit=unit)
        audit.info(
            "person created from %s",
            source,
            extra={"event": "person_created", "username": username, "source": source},
        )
        return DirectoryChange(user=user, created=True)

    change = DirectoryChange(user=user)
    for attr, value in wanted.items():
        if getattr(user, attr) != value:
            change.fields.append(attr)
            setattr(user, attr, value)
    if change.fields:
        user.save(update_fields=change.fields)
    if "is_active" in change.fields:
        change.fields.remove("is_active")
        change.deactivated, change.reactivated = not is_active, is_active
    for entry in identity_change(person=user, source=source, reason=why, full_name=name, unit=unit):
        if entry.field == "org_unit":
            change.moved = True
        else:
            change.fields.extend(["full_name", "first_name", "last_name"])
    change.updated = bool(change.fields)
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
