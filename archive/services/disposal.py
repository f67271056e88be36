"""Disposal (kassasjon): proposing a list, approving it with four eyes, running it.

Threads are only ever deleted, and archival files only ever removed, by
``disposal_approve``, after a records officer other than the one who proposed
the list or made its rules approved it (``ARCHIVE_SINGLE_RECORDS_OFFICER``
lets an agency with one records officer do both, and the log says so). Every
item is checked again when the list runs: a thread that was journaled, held,
nominated, answered or is no longer old enough, and a case that was reopened
or held, is kept, with the reason in the log. Files go from the storage once
the deletion is committed; the log lists them.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import access
from fagrom.i18n import site_text
from forum.models import Attachment, Post, Thread, Topic
from search.tasks import index_later

from ..models import (
    ArchivalDocument,
    ArchiveEvent,
    Case,
    DisposalDecision,
    DisposalItem,
    DisposalList,
    LegalHold,
    RetentionRule,
)
from .audit import actor_name, event_log
from .errors import ArchiveError
from .journaling import private_storage
from .retention import _protected_annotations, cases_due_for_disposal, threads_disposable

logger = logging.getLogger(__name__)


def _years_ago(now, years: int):
    # 365.25 days a year is exact enough for "N years without activity".
    return now - timedelta(days=round(365.25 * years))


def _thread_items(now) -> list[DisposalItem]:
    waiting = DisposalItem.objects.filter(
        disposal_list__status=DisposalList.Status.PROPOSED, thread_id=OuterRef("pk")
    )
    seen: set[int] = set()
    items: list[DisposalItem] = []
    rules = RetentionRule.objects.filter(is_active=True).select_related("room", "topic")
    # Topic rules first: the more specific rule is the one recorded.
    for rule in sorted(rules, key=lambda r: r.topic_id is None):
        scope = Q(topic_id=rule.topic_id) if rule.topic_id else Q(topic__room_id=rule.room_id)
        cutoff = _years_ago(now, rule.inactive_years)
        threads = (
            threads_disposable(Thread.objects.filter(scope))
            .annotate(
                last_activity=Greatest("last_post_at", "created_at"),
                on_waiting_list=Exists(waiting),
            )
            .filter(last_activity__lt=cutoff, on_waiting_list=False)
            .select_related("topic__room")
            .order_by("pk")
        )
        for thread in threads.iterator(chunk_size=500):
            if thread.pk in seen:
                continue
            seen.add(thread.pk)
            items.append(
                DisposalItem(
                    thread=thread,
                    thread_pk=thread.pk,
                    title=thread.title,
                    room_name=thread.topic.room.name,
                    topic_name=thread.topic.name,
                    thread_created_at=thread.created_at,
                    last_activity_at=thread.last_activity,
                    post_count=thread.post_count,
                    rule=rule,
                    rule_text=str(rule)[:300],
                )
            )
    return items


def _case_items(now) -> list[DisposalItem]:
    waiting = set(
        DisposalItem.objects.filter(
            disposal_list__status=DisposalList.Status.PROPOSED, case__isnull=False
        ).values_list("case_id", flat=True)
    )
    items = []
    for case in cases_due_for_disposal(today=timezone.localdate(now)):
        if case.pk in waiting:
            continue
        retention = case.retention
        items.append(
            DisposalItem(
                case=case,
                title=f"{case.number} {case.title}"[:255],
                thread_created_at=case.created_at,
                last_activity_at=case.closed_at,
                post_count=case.entries.count(),
                rule_text=site_text(
                    gettext_noop("%(decision)s %(years)s år etter avslutning (%(basis)s)"),
                    {
                        "decision": retention.noark_decision,
                        "years": retention.years,
                        "basis": retention.basis,
                    },
                )[:300],
            )
        )
    return items


def disposal_propose(*, now=None, by=None) -> DisposalList | None:
    """Propose a disposal list from the thread rules and the retention schedule.

    The periodic task proposes without ``by``; a records officer may propose at
    once. Returns None when nothing is due. Threads and cases already on a list
    waiting for approval are not proposed twice.
    """
    if by is not None:
        access.check_keep_records(by)
    now = now or timezone.now()
    with transaction.atomic():
        items = _thread_items(now) + _case_items(now)
        if not items:
            return None
        disposal_list = DisposalList.objects.create(
            created_at=now, proposed_by=by, proposed_by_name=actor_name(by) if by else ""
        )
        for item in items:
            item.disposal_list = disposal_list
        DisposalItem.objects.bulk_create(items, batch_size=500)
        event_log(
            actor=by,
            action=ArchiveEvent.Action.DISPOSAL_PROPOSED,
            summary=site_text(
                gettext_noop("Kassasjonsliste %(id)s foreslått med %(n)s tråder og saker"),
                {"id": disposal_list.pk, "n": len(items)},
            ),
            details={
                "disposal_list": disposal_list.pk,
                "threads": [i.thread_pk for i in items if i.thread_pk],
                "cases": [i.case_id for i in items if i.case_id],
            },
            at=now,
        )
        return disposal_list


def _lock_proposed(disposal_list: DisposalList) -> DisposalList:
    locked = DisposalList.objects.select_for_update().get(pk=disposal_list.pk)
    if locked.status != DisposalList.Status.PROPOSED:
        raise ArchiveError(_("Kassasjonslisten er allerede behandlet."))
    return locked


def disposal_conflict(disposal_list: DisposalList, by) -> str:
    """Why ``by`` may not approve this list alone ("" when they may)."""
    if disposal_list.proposed_by_id and disposal_list.proposed_by_id == by.pk:
        return _("Du foreslo denne kassasjonslisten. En annen arkivar må godkjenne den.")
    rule_ids = disposal_list.items.filter(rule__isnull=False).values("rule_id")
    if RetentionRule.objects.filter(pk__in=rule_ids, created_by=by).exists():
        return _(
            "Du laget en av bevaringsreglene på denne listen. En annen arkivar må godkjenne den."
        )
    if _set_retention_of_a_case(disposal_list, by):
        return _(
            "Du satte bevaringstiden som gjør en av sakene på denne listen moden for "
            "kassasjon. En annen arkivar må godkjenne den."
        )
    return ""


def _set_retention_of_a_case(disposal_list: DisposalList, by) -> bool:
    # The line that applies now (the case's own, else its class's) is the one the run
    # checks again, so its author is the one who may not approve.
    cases = Case.objects.filter(
        pk__in=disposal_list.items.filter(
            case__isnull=False, outcome=DisposalItem.Outcome.PROPOSED
        ).values("case_id")
    ).select_related("archive_class", "case_type")
    return any(case.retention.set_by_id == by.pk for case in cases)


@transaction.atomic
def disposal_approve(*, disposal_list: DisposalList, by) -> DisposalList:
    """Approve the list and run it: re-check each item, delete what is still due."""
    access.check_keep_records(by)
    locked = _lock_proposed(disposal_list)
    conflict = disposal_conflict(locked, by)
    single = bool(conflict) and settings.ARCHIVE_SINGLE_RECORDS_OFFICER
    if conflict and not single:
        raise ArchiveError(conflict)
    now = timezone.now()
    items = list(
        locked.items.filter(outcome=DisposalItem.Outcome.PROPOSED)
        .select_related("rule", "case__archive_class", "case__case_type")
        .order_by("pk")
    )
    thread_ids = [i.thread_id for i in items if i.thread_id]
    threads = {
        t.pk: t
        for t in _protected_annotations(Thread.objects.filter(pk__in=thread_ids)).annotate(
            last_activity=Greatest("last_post_at", "created_at"),
            posted_since=Exists(
                Post.objects.filter(thread_id=OuterRef("pk"), created_at__gt=locked.created_at)
            ),
        )
    }
    for item in items:
        if item.case_id:
            _run_case_item(item, locked, by, now)
        else:
            _run_thread_item(item, threads.get(item.thread_id), locked, by, now)
    DisposalItem.objects.bulk_update(
        items, ["outcome", "kept_reason", "disposed_at", "thread", "deleted_files"]
    )
    locked.status = DisposalList.Status.APPROVED
    locked.decided_by = by
    locked.decided_by_name = actor_name(by)
    locked.decided_at = now
    locked.single_officer = single
    locked.save(
        update_fields=["status", "decided_by", "decided_by_name", "decided_at", "single_officer"]
    )
    summary = (
        gettext_noop(
            "Kassasjonsliste %(id)s godkjent av én arkivar alene "
            "(ARCHIVE_SINGLE_RECORDS_OFFICER): %(why)s"
        )
        if single
        else gettext_noop("Kassasjonsliste %(id)s godkjent")
    )
    event_log(
        actor=by,
        action=ArchiveEvent.Action.DISPOSAL_APPROVED,
        summary=site_text(summary, {"id": locked.pk, "why": conflict}),
        details={"disposal_list": locked.pk, "single_officer": single},
        at=now,
    )
    return locked


def _keep(item: DisposalItem, reason: str) -> None:
    item.outcome = DisposalItem.Outcome.KEPT
    item.kept_reason = site_text(reason)[:200]


def _thread_kept_reason(item: DisposalItem, thread, disposal_list, now) -> str:
    if thread is None:
        return gettext_noop("Tråden fantes ikke lenger.")
    if thread.is_journaled:
        return gettext_noop("Journalført")
    if thread.is_held:
        return gettext_noop("Bevaringspålegg")
    if thread.is_nominated:
        return gettext_noop("Foreslått for journalføring")
    if thread.posted_since or thread.last_activity > disposal_list.created_at:
        return gettext_noop("Nytt innlegg etter at listen ble foreslått")
    if not item.rule.is_active:
        return gettext_noop("Bevaringsregelen er slått av")
    if thread.last_activity >= _years_ago(now, item.rule.inactive_years):
        return gettext_noop("Ikke lenger inaktiv så lenge regelen krever")
    return ""


def _run_thread_item(item, thread, disposal_list, by, now) -> None:
    reason = _thread_kept_reason(item, thread, disposal_list, now)
    if reason:
        _keep(item, reason)
        return
    item.deleted_files = _thread_delete(item.thread_id)
    item.outcome = DisposalItem.Outcome.DISPOSED
    item.disposed_at = now
    item.thread = None
    event_log(
        actor=by,
        action=ArchiveEvent.Action.THREAD_DISPOSED,
        summary=site_text(
            gettext_noop("Tråd %(id)s «%(title)s» slettet etter %(rule)s"),
            {"id": item.thread_pk, "title": item.title, "rule": item.rule_text},
        ),
        details={
            "disposal_list": disposal_list.pk,
            "thread": item.thread_pk,
            "files": [f["stored_name"] for f in item.deleted_files],
        },
        at=now,
    )


def _delete_files_after_commit(names: list[str]) -> None:
    """Remove files once the rows pointing to them are gone for good."""

    def delete():
        storage = private_storage()
        for name in names:
            try:
                storage.delete(name)
            except OSError:  # the log still lists it; an operator can remove it by hand
                logger.exception("Could not delete disposed file %s", name)

    if names:
        transaction.on_commit(delete)


def _thread_delete(thread_id: int) -> list[dict]:
    """Delete one thread with its posts and their files; returns the files that went."""
    thread = Thread.objects.select_for_update().get(pk=thread_id)
    files = [
        {
            "stored_name": a.stored_name,
            "original_name": a.original_name,
            "size": a.size,
            "sha256": a.sha256,
        }
        for a in Attachment.objects.filter(post__thread_id=thread_id).order_by("pk")
    ]
    Topic.objects.filter(pk=thread.topic_id).update(
        thread_count=Greatest(F("thread_count") - 1, 0),
        post_count=Greatest(F("post_count") - thread.post_count, 0),
    )
    # Lifted holds go with the thread (the audit log keeps their story); an active
    # hold or a journal entry PROTECTs the thread, so the delete fails rather than
    # lose it. Rejected nominations cascade with the thread.
    LegalHold.objects.filter(thread_id=thread_id, lifted_at__isnull=False).delete()
    thread.delete()
    _delete_files_after_commit([f["stored_name"] for f in files])
    index_later("forum.thread", thread_id)  # a disposed thread leaves search
    return files


def _case_kept_reason(case: Case, now) -> str:
    if case.status != Case.Status.CLOSED:
        return gettext_noop("Saken er gjenåpnet")
    retention = case.retention
    if retention.decision != DisposalDecision.DISPOSE:
        return gettext_noop("Bevaringsplanen sier ikke lenger «Kasseres»")
    if retention.due is None or retention.due > timezone.localdate(now):
        return gettext_noop("Kassasjonsdatoen er ikke nådd")
    held = LegalHold.objects.filter(
        lifted_at__isnull=True, thread_id__in=case.entries.values("thread_id")
    )
    if held.exists():
        return gettext_noop("Bevaringspålegg")
    return ""


def _run_case_item(item, disposal_list, by, now) -> None:
    case = (
        # of=self: PostgreSQL locks no row on the outer-joined (nullable) case type side.
        Case.objects.select_for_update(of=("self",))
        .select_related("archive_class", "case_type")
        .get(pk=item.case_id)
    )
    reason = _case_kept_reason(case, now)
    if reason:
        _keep(item, reason)
        return
    documents = list(
        ArchivalDocument.objects.select_for_update()
        .filter(entry__case=case, disposed_at__isnull=True)
        .order_by("pk")
    )
    item.deleted_files = [
        {"stored_name": d.file_name, "original_name": d.title, "size": d.size, "sha256": d.sha256}
        for d in documents
    ]
    ArchivalDocument.objects.filter(pk__in=[d.pk for d in documents]).update(
        disposed_at=now, disposed_by_name=actor_name(by)
    )
    _delete_files_after_commit([d.file_name for d in documents])
    item.outcome = DisposalItem.Outcome.DISPOSED
    item.disposed_at = now
    event_log(
        actor=by,
        action=ArchiveEvent.Action.CASE_DISPOSED,
        summary=site_text(
            gettext_noop("Dokumentene i sak %(number)s kassert etter %(rule)s"),
            {"number": case.number, "rule": item.rule_text},
        ),
        unit_uuid=case.uuid,
        details={
            "disposal_list": disposal_list.pk,
            "case": case.pk,
            "files": [d.file_name for d in documents],
        },
        at=now,
    )


@transaction.atomic
def disposal_reject(*, disposal_list: DisposalList, by, reason: str) -> DisposalList:
    access.check_keep_records(by)
    reason = reason.strip()
    if not reason:
        raise ArchiveError(_("Skriv hvorfor kassasjonslisten avvises."))
    locked = _lock_proposed(disposal_list)
    locked.status = DisposalList.Status.REJECTED
    locked.decided_by = by
    locked.decided_by_name = actor_name(by)
    locked.decided_at = timezone.now()
    locked.decision_reason = reason
    locked.save()
    locked.items.update(
        outcome=DisposalItem.Outcome.KEPT, kept_reason=site_text(gettext_noop("Listen ble avvist"))
    )
    event_log(
        actor=by,
        action=ArchiveEvent.Action.DISPOSAL_REJECTED,
        summary=site_text(gettext_noop("Kassasjonsliste %(id)s avvist"), {"id": locked.pk}),
        details={"disposal_list": locked.pk, "reason": reason},
    )
    return locked
