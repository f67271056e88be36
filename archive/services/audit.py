"""Writing the archive's audit log (endringslogg)."""

from __future__ import annotations

from django.utils import timezone

from ..models import ArchiveEvent


def actor_name(user) -> str:
    """How a person is recorded in the archive: full name and workplace."""
    if user is None:
        return "Fagrom"
    return user.display_name


def event_log(
    *,
    actor,
    action: str,
    summary: str,
    unit_uuid=None,
    field: str = "",
    old_value: str = "",
    new_value: str = "",
    details: dict | None = None,
    at=None,
) -> ArchiveEvent:
    return ArchiveEvent.objects.create(
        at=at or timezone.now(),
        actor=actor,
        actor_name=actor_name(actor),
        action=action,
        summary=summary[:300],
        unit_uuid=unit_uuid,
        field=field,
        old_value=old_value[:300],
        new_value=new_value[:300],
        details=details or {},
    )
