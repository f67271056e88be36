"""Case types (sakstyper): kept by records officers, each a line of the retention schedule.

Every change goes through here, so the audit log has it and the type remembers
who set its retention line (that person does not approve the disposal it leads to).
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import access
from fagrom.i18n import site_text

from ..models import ArchiveClass, ArchiveEvent, Case, CaseType
from .audit import event_log
from .errors import ArchiveError
from .retention import _clean_schedule


@transaction.atomic
def case_type_save(
    *,
    by,
    code: str,
    title: str,
    archive_class: ArchiveClass,
    decision: str = "",
    years: int | None = None,
    basis: str = "",
    is_active: bool = True,
    case_type: CaseType | None = None,
) -> CaseType:
    """Create a case type, or change ``case_type``; ``decision=""`` leaves the class's line."""
    access.check_keep_records(by)
    code, title = (code or "").strip(), (title or "").strip()
    if not code or not title:
        raise ArchiveError(_("Gi sakstypen en kode og et navn."))
    if decision:
        decision, years, basis = _clean_schedule(decision, years, basis)
    else:
        years, basis = None, ""
    if case_type is None:
        case_type = CaseType()
        old_line = None
    else:
        case_type = CaseType.objects.select_for_update().get(pk=case_type.pk)
        old_line = (
            case_type.disposal_decision,
            case_type.retention_years,
            case_type.disposal_basis,
        )
    new_line = (decision, years, basis)
    case_type.code, case_type.title, case_type.archive_class = code, title, archive_class
    case_type.disposal_decision, case_type.retention_years, case_type.disposal_basis = new_line
    case_type.is_active = is_active
    if new_line != old_line:
        # Only a changed line changes who answers for it.
        case_type.retention_set_by = by if decision else None
    try:
        with transaction.atomic():
            case_type.save()
    except IntegrityError as exc:
        raise ArchiveError(
            _("Det finnes allerede en sakstype med koden %(code)s.") % {"code": code}
        ) from exc
    event_log(
        actor=by,
        action=ArchiveEvent.Action.RETENTION_CHANGED,
        summary=site_text(
            gettext_noop("Sakstype %(code)s: %(decision)s %(years)s"),
            {"code": code, "decision": decision or "arv", "years": years or ""},
        ),
        details={
            "case_type": case_type.pk,
            "old": " ".join(str(v) for v in old_line if v) if old_line else "",
            "basis": basis,
            "retention_changed": new_line != old_line,
        },
    )
    return case_type


@transaction.atomic
def case_type_assign(*, case: Case, by, case_type: CaseType | None) -> Case:
    """Give a case its type (or none); its retention follows the type unless it has its own."""
    access.check_keep_records(by)
    if case_type is not None and not case_type.is_active and case.case_type_id != case_type.pk:
        raise ArchiveError(_("Sakstypen er ikke lenger i bruk."))
    Case.objects.filter(pk=case.pk).update(case_type=case_type)
    case.case_type = case_type
    event_log(
        actor=by,
        action=ArchiveEvent.Action.RETENTION_CHANGED,
        summary=site_text(
            gettext_noop("Sak %(number)s fikk sakstype %(type)s"),
            {"number": case.number, "type": case_type.code if case_type else "–"},
        ),
        unit_uuid=case.uuid,
        details={"case": case.pk, "case_type": case_type.pk if case_type else None},
    )
    return case
