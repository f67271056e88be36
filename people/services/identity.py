"""Identity: a person's full name and workplace, and the log of every change to them.

Name and workplace are what every post, approval and journal entry shows, and the
workplace's unit groups open rooms, escalations and hearings. So there is one way
to change them, ``identity_change``, used by the directory sync, single sign-on,
the administrators' user forms and approved corrections; it writes an
``IdentityLogEntry`` per changed field (who, when, old → new, why). A person
cannot change them themselves: ``identity_attempt_refused`` logs a try, and
``identity_correction_request`` asks administrators, who decide with
``identity_correction_decide``.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from ..models import IdentityCorrection, IdentityLogEntry, OrgUnit, User
from .organisation import person_move

audit = logging.getLogger("fagrom.audit")

KEEP = object()  # "not part of this change"

Source = IdentityLogEntry.Source
Action = IdentityLogEntry.Action


class IdentityError(ValueError):
    """A request about identity that cannot be carried out; the message is for the person."""


def unit_label(unit: OrgUnit | None) -> str:
    return f"{unit.name} ({unit.code})" if unit else ""


def _name_parts(full_name: str) -> tuple[str, str]:
    first, _, last = full_name.rpartition(" ")
    return (first, last) if first else (full_name, "")


def _entry(*, person, actor, source, action, field="", old="", new="", reason=""):
    entry = IdentityLogEntry.objects.create(
        person=person,
        actor=actor,
        source=source,
        action=action,
        field=field,
        old_value=str(old)[:300],
        new_value=str(new)[:300],
        reason=reason,
    )
    audit.info(
        "identity %s",
        action,
        extra={
            "event": f"identity_{action}",
            "username": person.username,
            "field": field,
            "source": source,
            "actor": actor.username if actor else None,
        },
    )
    return entry


@transaction.atomic
def identity_change(
    *,
    person: User,
    source: str,
    reason: str,
    by: User | None = None,
    full_name: str | object = KEEP,
    unit: OrgUnit | None | object = KEEP,
) -> list[IdentityLogEntry]:
    """Change a person's full name and/or workplace, and log each change.

    ``by`` is the administrator (None for the directory and single sign-on). A move
    goes through ``person_move``, so the unit groups (room access) follow at once.
    Returns the log entries written (none when nothing changed).
    """
    if source in (Source.PROFILE, Source.API):
        raise IdentityError("A person cannot change their own name or workplace.")
    entries = []
    if full_name is not KEEP:
        name = " ".join(str(full_name).split())
        if name != person.full_name:
            entries.append(
                _entry(
                    person=person,
                    actor=by,
                    source=source,
                    action=Action.CHANGED,
                    field="full_name",
                    old=person.full_name,
                    new=name,
                    reason=reason,
                )
            )
            person.full_name = name
            person.first_name, person.last_name = _name_parts(name)
            person.save(update_fields=["full_name", "first_name", "last_name"])
    if unit is not KEEP and person.org_unit_id != (unit.pk if unit else None):
        old_unit = person.org_unit
        entries.append(
            _entry(
                person=person,
                actor=by,
                source=source,
                action=Action.CHANGED,
                field="org_unit",
                old=unit_label(old_unit),
                new=unit_label(unit),
                reason=reason,
            )
        )
        person_move(user=person, unit=unit)
    return entries


def identity_attempt_refused(
    *, person: User, source: str, attempted: dict[str, str]
) -> list[IdentityLogEntry]:
    """Log that a person tried to set their own name or workplace (nothing is changed)."""
    current = {"full_name": person.full_name, "org_unit": str(person.org_unit_id or "")}
    return [
        _entry(
            person=person,
            actor=person,
            source=source,
            action=Action.REFUSED,
            field=name,
            old=current.get(name, ""),
            new=value,
            reason="Navn og arbeidssted kommer fra katalogen eller en administrator.",
        )
        for name, value in attempted.items()
    ]


@transaction.atomic
def identity_correction_request(
    *, person: User, message: str, full_name: str = "", unit: OrgUnit | None = None
) -> IdentityCorrection:
    """A person asks administrators to correct their name or workplace; nothing changes yet."""
    full_name = " ".join(full_name.split())
    if not message.strip() or not (full_name or unit):
        raise IdentityError("A correction needs a name or a workplace, and an explanation.")
    correction = IdentityCorrection.objects.create(
        person=person, full_name=full_name, org_unit=unit, message=message.strip()
    )
    _entry(
        person=person,
        actor=person,
        source=Source.PROFILE,
        action=Action.REQUESTED,
        field="correction",
        old=f"{person.full_name} · {unit_label(person.org_unit)}",
        new=f"{full_name or person.full_name} · {unit_label(unit or person.org_unit)}",
        reason=correction.message,
    )
    return correction


@transaction.atomic
def identity_correction_decide(
    *, correction: IdentityCorrection, by: User, approve: bool, note: str = ""
) -> IdentityCorrection:
    """An administrator approves (the change is made and logged) or rejects a correction.

    People sit below the access layer, so the caller checks that ``by`` is an
    administrator (``access.is_administrator``; ``people.views`` does).
    """
    correction = IdentityCorrection.objects.select_for_update().get(pk=correction.pk)
    if correction.state != IdentityCorrection.State.PENDING:
        raise IdentityError("This correction has already been decided.")
    if correction.person_id == by.pk:
        raise IdentityError("Another administrator must decide a correction of your own identity.")
    person = correction.person
    correction.state = (
        IdentityCorrection.State.APPROVED if approve else IdentityCorrection.State.REJECTED
    )
    correction.decided_by = by
    correction.decided_at = timezone.now()
    correction.decision_note = note.strip()
    correction.save(update_fields=["state", "decided_by", "decided_at", "decision_note"])
    if approve:
        identity_change(
            person=person,
            by=by,
            source=Source.CORRECTION,
            reason=correction.message + (f" — {correction.decision_note}" if note.strip() else ""),
            full_name=correction.full_name or KEEP,
            unit=correction.org_unit if correction.org_unit_id else KEEP,
        )
    _entry(
        person=person,
        actor=by,
        source=Source.ADMIN,
        action=Action.APPROVED if approve else Action.REJECTED,
        field="correction",
        reason=correction.decision_note,
    )
    return correction


def identity_log_for(person: User):
    return person.identity_log.select_related("actor")
