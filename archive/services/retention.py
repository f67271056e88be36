"""Retention rules for forum threads, the archive's retention schedule and legal holds.

Disposal itself (proposing, approving and running a list) is in ``disposal``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import access
from fagrom.i18n import site_text
from forum.models import Thread

from ..models import (
    ArchiveClass,
    ArchiveEvent,
    Case,
    DisposalDecision,
    JournalEntry,
    LegalHold,
    Nomination,
    RetentionRule,
)
from .audit import event_log
from .errors import ArchiveError
from .rules import check_scope, rule_made


def _protected_annotations(qs: QuerySet[Thread]) -> QuerySet[Thread]:
    return qs.annotate(
        is_journaled=Exists(JournalEntry.objects.filter(thread=OuterRef("pk"))),
        is_held=Exists(LegalHold.objects.filter(thread=OuterRef("pk"), lifted_at__isnull=True)),
        is_nominated=Exists(
            Nomination.objects.filter(thread=OuterRef("pk"), status=Nomination.Status.PENDING)
        ),
    )


def threads_disposable(qs: QuerySet[Thread]) -> QuerySet[Thread]:
    """``qs`` without journaled, held or nominated threads."""
    return _protected_annotations(qs).filter(is_journaled=False, is_held=False, is_nominated=False)


@transaction.atomic
def legal_hold_place(*, thread: Thread, by, reason: str) -> LegalHold:
    access.check_keep_records(by)
    reason = reason.strip()
    if not reason:
        raise ArchiveError(_("Skriv hvorfor tråden skal bevares."))
    if LegalHold.objects.filter(thread=thread, lifted_at__isnull=True).exists():
        raise ArchiveError(_("Tråden har allerede et bevaringspålegg."))
    hold = LegalHold.objects.create(thread=thread, reason=reason, placed_by=by)
    event_log(
        actor=by,
        action=ArchiveEvent.Action.HOLD_PLACED,
        summary=site_text(gettext_noop("Bevaringspålegg på tråd %(id)s"), {"id": thread.pk}),
        details={"thread": thread.pk, "reason": reason},
    )
    return hold


@transaction.atomic
def legal_hold_lift(*, hold: LegalHold, by) -> LegalHold:
    access.check_keep_records(by)
    hold = LegalHold.objects.select_for_update().get(pk=hold.pk)
    if hold.lifted_at is not None:
        raise ArchiveError(_("Bevaringspålegget er allerede opphevet."))
    # Four eyes: whoever placed the hold does not lift it alone.
    single = settings.ARCHIVE_SINGLE_RECORDS_OFFICER
    if hold.placed_by_id == by.pk and not single:
        raise ArchiveError(_("Du satte dette bevaringspålegget. En annen arkivar må oppheve det."))
    hold.lifted_at = timezone.now()
    hold.lifted_by = by
    hold.save(update_fields=["lifted_at", "lifted_by"])
    event_log(
        actor=by,
        action=ArchiveEvent.Action.HOLD_LIFTED,
        summary=site_text(
            gettext_noop("Bevaringspålegg på tråd %(id)s opphevet"), {"id": hold.thread_id}
        ),
        details={
            "thread": hold.thread_id,
            "single_officer": bool(single and hold.placed_by_id == by.pk),
        },
    )
    return hold


@transaction.atomic
def retention_rule_create(
    *, by, inactive_years: int, room=None, topic=None, basis: str = ""
) -> RetentionRule:
    access.check_keep_records(by)
    check_scope(room=room, topic=topic)
    if inactive_years < 1:
        raise ArchiveError(_("Bevaringstiden må være minst ett år."))
    rule = RetentionRule(room=room, topic=topic, inactive_years=inactive_years, created_by=by)
    if basis.strip():
        rule.basis = basis.strip()
    rule.save()
    return rule_made(rule=rule, by=by)


def active_hold(thread: Thread) -> LegalHold | None:
    return LegalHold.objects.filter(thread=thread, lifted_at__isnull=True).first()


def _clean_schedule(decision: str, years, basis: str) -> tuple[str, int | None, str]:
    if decision not in DisposalDecision.values:
        raise ArchiveError(_("Velg et gyldig kassasjonsvedtak."))
    basis = (basis or "").strip()
    if decision != DisposalDecision.KEEP:
        if years is None or years < 1:
            raise ArchiveError(_("Oppgi bevaringstiden i hele år (minst ett)."))
        if not basis:
            raise ArchiveError(_("Oppgi hjemmel for kassasjonen."))
    return decision, years, basis


@transaction.atomic
def archive_class_retention_set(
    *, archive_class: ArchiveClass, by, decision: str, years: int | None, basis: str
) -> ArchiveClass:
    """Set the class's line in the retention schedule; its cases inherit it."""
    access.check_keep_records(by)
    decision, years, basis = _clean_schedule(decision, years, basis)
    old = f"{archive_class.disposal_decision} {archive_class.retention_years or ''}".strip()
    ArchiveClass.objects.filter(pk=archive_class.pk).update(
        disposal_decision=decision, retention_years=years, disposal_basis=basis, retention_set_by=by
    )
    archive_class.disposal_decision, archive_class.retention_years = decision, years
    archive_class.disposal_basis, archive_class.retention_set_by = basis, by
    event_log(
        actor=by,
        action=ArchiveEvent.Action.RETENTION_CHANGED,
        summary=site_text(
            gettext_noop("Bevaringsplan for klasse %(code)s: %(decision)s %(years)s"),
            {"code": archive_class.code, "decision": decision, "years": years or ""},
        ),
        details={"archive_class": archive_class.pk, "old": old, "basis": basis},
    )
    return archive_class


@transaction.atomic
def case_retention_set(
    *, case: Case, by, decision: str, years: int | None = None, basis: str = ""
) -> Case:
    """Give a case its own retention (``decision=""`` goes back to the class's)."""
    access.check_keep_records(by)
    if decision:
        decision, years, basis = _clean_schedule(decision, years, basis)
    else:
        years, basis = None, ""
    Case.objects.filter(pk=case.pk).update(
        disposal_decision=decision,
        retention_years=years,
        disposal_basis=basis,
        retention_set_by=by if decision else None,
    )
    case.disposal_decision, case.retention_years, case.disposal_basis = decision, years, basis
    case.retention_set_by = by if decision else None
    event_log(
        actor=by,
        action=ArchiveEvent.Action.RETENTION_CHANGED,
        summary=site_text(
            gettext_noop("Bevaringstid for sak %(number)s: %(decision)s %(years)s"),
            {"number": case.number, "decision": decision or "arv", "years": years or ""},
        ),
        unit_uuid=case.uuid,
        details={"case": case.pk, "basis": basis},
    )
    return case


def cases_due_for_disposal(*, today=None) -> list[Case]:
    """Closed cases whose schedule says «Kasseres» and whose disposal date has passed."""
    today = today or timezone.localdate()
    candidates = (
        Case.objects.filter(status=Case.Status.CLOSED)
        .filter(_dispose_q())
        .filter(entries__documents__disposed_at__isnull=True)
        .select_related("archive_class", "case_type")
        .distinct()
        .order_by("year", "sequence_number")
    )
    return [c for c in candidates if c.retention.due and c.retention.due <= today]


def _dispose_q() -> Q:
    # The same order as ``Case.retention``: the case's own line, its type's, its class's.
    no_type_line = Q(case_type__isnull=True) | Q(case_type__disposal_decision="")
    return (
        Q(disposal_decision=DisposalDecision.DISPOSE)
        | Q(disposal_decision="", case_type__disposal_decision=DisposalDecision.DISPOSE)
        | (
            Q(disposal_decision="", archive_class__disposal_decision=DisposalDecision.DISPOSE)
            & no_type_line
        )
    )
