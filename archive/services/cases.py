"""The case life cycle: close, reopen with a reason, find open cases to journal into."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import access
from fagrom.i18n import site_text
from search.tasks import index_later

from ..models import NOARK_CASE_STATUS, NOARK_ENTRY_STATUS, ArchiveEvent, Case, JournalEntry
from .audit import event_log
from .errors import ArchiveError


@transaction.atomic
def case_close(*, case: Case, by) -> Case:
    """Close a case (saksstatus Avsluttet); its entries become «Arkivert».

    Only closed cases go into an archive extract. Both changes are Noark
    metadata changes and land in the endringslogg.
    """
    access.check_keep_records(by)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if not case.is_open:
        raise ArchiveError(_("Saken er allerede avsluttet."))
    now = timezone.now()
    case.status = Case.Status.CLOSED
    case.closed_at = now
    case.closed_by_name = by.get_full_name()
    case.save(update_fields=["status", "closed_at", "closed_by_name"])
    event_log(
        actor=by,
        action=ArchiveEvent.Action.CASE_CLOSED,
        summary=site_text(gettext_noop("Sak %(number)s avsluttet"), {"number": case.number}),
        unit_uuid=case.uuid,
        field="saksstatus",
        old_value=NOARK_CASE_STATUS["open"],
        new_value=NOARK_CASE_STATUS["closed"],
        at=now,
    )
    entries = case.entries.filter(status=JournalEntry.Status.JOURNALED)
    for entry in entries.only("uuid", "year", "sequence_number"):
        event_log(
            actor=by,
            action=ArchiveEvent.Action.ENTRY_ARCHIVED,
            summary=site_text(
                gettext_noop("Journalpost %(no)s arkivert"), {"no": entry.running_number}
            ),
            unit_uuid=entry.uuid,
            field="journalstatus",
            old_value=NOARK_ENTRY_STATUS["journaled"],
            new_value=NOARK_ENTRY_STATUS["archived"],
            at=now,
        )
    index_later("archive.entry", *entries.values_list("pk", flat=True))
    entries.update(status=JournalEntry.Status.ARCHIVED)
    return case


def open_cases():
    return Case.objects.filter(status=Case.Status.OPEN).order_by("-year", "-sequence_number")


def open_cases_matching(query: str):
    """Open cases by number (``2026/12``) or words of the title, for the journaling form."""
    cases = open_cases().select_related("archive_class")
    query = (query or "").strip()
    if not query:
        return cases
    year, sep, number = query.partition("/")
    if sep and year.isdigit() and number.isdigit():
        return cases.filter(year=int(year), sequence_number=int(number))
    for word in query.split()[:5]:
        cases = cases.filter(title__icontains=word)
    return cases


@transaction.atomic
def case_reopen(*, case: Case, by, reason: str) -> Case:
    """Reopen a closed case (saksstatus back to «Under behandling"), with the reason logged."""
    access.check_keep_records(by)
    reason = (reason or "").strip()
    if not reason:
        raise ArchiveError(_("Skriv hvorfor saken gjenåpnes."))
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.is_open:
        raise ArchiveError(_("Saken er ikke avsluttet."))
    if case.entries.filter(documents__disposed_at__isnull=False).exists():
        raise ArchiveError(_("Saken er kassert og kan ikke gjenåpnes."))
    now = timezone.now()
    case.status = Case.Status.OPEN
    case.closed_at = None
    case.closed_by_name = ""
    case.save(update_fields=["status", "closed_at", "closed_by_name"])
    event_log(
        actor=by,
        action=ArchiveEvent.Action.CASE_REOPENED,
        summary=site_text(
            gettext_noop("Sak %(number)s gjenåpnet: %(reason)s"),
            {"number": case.number, "reason": reason},
        ),
        unit_uuid=case.uuid,
        field="saksstatus",
        old_value=NOARK_CASE_STATUS["closed"],
        new_value=NOARK_CASE_STATUS["open"],
        details={"reason": reason},
        at=now,
    )
    return case
