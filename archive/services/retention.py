"""Retention rules, legal holds and disposal (kassasjon).

Threads are only ever deleted by ``disposal_approve``, after a records
officer approved a proposed list. Journaled threads, threads on legal hold
and threads waiting in the nomination queue are never proposed and, should
that change between proposal and approval, are kept when the list runs.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import access
from fagrom.i18n import site_text
from forum.models import Thread, Topic
from search.tasks import index_later

from ..models import (
    ArchiveEvent,
    DisposalItem,
    DisposalList,
    JournalEntry,
    LegalHold,
    Nomination,
    RetentionRule,
)
from .audit import actor_name, event_log
from .errors import ArchiveError


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


def _years_ago(now, years: int):
    # 365.25 days a year is exact enough for "N years without activity".
    return now - timedelta(days=round(365.25 * years))


def disposal_propose(*, now=None) -> DisposalList | None:
    """Propose a disposal list from the active retention rules (the periodic task).

    Returns the new list, or None when nothing is due. Threads already on a
    list still waiting for approval are not proposed twice.
    """
    now = now or timezone.now()
    with transaction.atomic():
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
        if not items:
            return None
        disposal_list = DisposalList.objects.create(created_at=now)
        for item in items:
            item.disposal_list = disposal_list
        DisposalItem.objects.bulk_create(items, batch_size=500)
        event_log(
            actor=None,
            action=ArchiveEvent.Action.DISPOSAL_PROPOSED,
            summary=site_text(
                gettext_noop("Kassasjonsliste %(id)s foreslått med %(n)s tråder"),
                {"id": disposal_list.pk, "n": len(items)},
            ),
            details={"disposal_list": disposal_list.pk, "threads": [i.thread_pk for i in items]},
            at=now,
        )
        return disposal_list


def _lock_proposed(disposal_list: DisposalList) -> DisposalList:
    locked = DisposalList.objects.select_for_update().get(pk=disposal_list.pk)
    if locked.status != DisposalList.Status.PROPOSED:
        raise ArchiveError(_("Kassasjonslisten er allerede behandlet."))
    return locked


@transaction.atomic
def disposal_approve(*, disposal_list: DisposalList, by) -> DisposalList:
    """Approve the list and delete its threads, keeping the log of what went."""
    access.check_keep_records(by)
    locked = _lock_proposed(disposal_list)
    now = timezone.now()
    by_name = actor_name(by)
    items = list(locked.items.filter(outcome=DisposalItem.Outcome.PROPOSED).order_by("pk"))
    thread_ids = [i.thread_id for i in items if i.thread_id]
    # Re-check protection now: a thread may have been journaled or held since.
    protected = {
        t.pk: t
        for t in _protected_annotations(Thread.objects.filter(pk__in=thread_ids)).filter(
            Q(is_journaled=True) | Q(is_held=True) | Q(is_nominated=True)
        )
    }
    for item in items:
        if item.thread_id is None:
            item.outcome = DisposalItem.Outcome.KEPT
            item.kept_reason = site_text(gettext_noop("Tråden fantes ikke lenger."))
            continue
        thread = protected.get(item.thread_id)
        if thread is not None:
            item.outcome = DisposalItem.Outcome.KEPT
            item.kept_reason = (
                site_text(gettext_noop("Journalført"))
                if thread.is_journaled
                else site_text(gettext_noop("Bevaringspålegg"))
                if thread.is_held
                else site_text(gettext_noop("Foreslått for journalføring"))
            )
            continue
        _thread_delete(item.thread_id)
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
            details={"disposal_list": locked.pk, "thread": item.thread_pk},
            at=now,
        )
    DisposalItem.objects.bulk_update(items, ["outcome", "kept_reason", "disposed_at", "thread"])
    locked.status = DisposalList.Status.APPROVED
    locked.decided_by = by
    locked.decided_by_name = by_name
    locked.decided_at = now
    locked.save(update_fields=["status", "decided_by", "decided_by_name", "decided_at"])
    event_log(
        actor=by,
        action=ArchiveEvent.Action.DISPOSAL_APPROVED,
        summary=site_text(gettext_noop("Kassasjonsliste %(id)s godkjent"), {"id": locked.pk}),
        details={"disposal_list": locked.pk},
        at=now,
    )
    return locked


def _thread_delete(thread_id: int) -> None:
    """Delete one thread with its posts, keeping the topic's counters right."""
    thread = Thread.objects.select_for_update().get(pk=thread_id)
    Topic.objects.filter(pk=thread.topic_id).update(
        thread_count=Greatest(F("thread_count") - 1, 0),
        post_count=Greatest(F("post_count") - thread.post_count, 0),
    )
    # Lifted holds go with the thread (the audit log keeps their story); an active
    # hold or a journal entry PROTECTs the thread, so the delete fails rather than
    # lose it. Rejected nominations cascade with the thread.
    LegalHold.objects.filter(thread_id=thread_id, lifted_at__isnull=False).delete()
    thread.delete()
    index_later("forum.thread", thread_id)  # a disposed thread leaves search


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
    hold.lifted_at = timezone.now()
    hold.lifted_by = by
    hold.save(update_fields=["lifted_at", "lifted_by"])
    event_log(
        actor=by,
        action=ArchiveEvent.Action.HOLD_LIFTED,
        summary=site_text(
            gettext_noop("Bevaringspålegg på tråd %(id)s opphevet"), {"id": hold.thread_id}
        ),
        details={"thread": hold.thread_id},
    )
    return hold


@transaction.atomic
def retention_rule_create(
    *, by, inactive_years: int, room=None, topic=None, basis: str = ""
) -> RetentionRule:
    access.check_keep_records(by)
    if (room is None) == (topic is None):
        raise ArchiveError(_("Velg enten et rom eller et tema."))
    if inactive_years < 1:
        raise ArchiveError(_("Bevaringstiden må være minst ett år."))
    rule = RetentionRule(room=room, topic=topic, inactive_years=inactive_years, created_by=by)
    if basis.strip():
        rule.basis = basis.strip()
    rule.save()
    event_log(
        actor=by,
        action=ArchiveEvent.Action.RULE_CHANGED,
        summary=site_text(gettext_noop("Ny bevaringsregel: %(rule)s"), {"rule": rule}),
        details={"retention_rule": rule.pk},
    )
    return rule


@transaction.atomic
def retention_rule_deactivate(*, rule: RetentionRule, by) -> RetentionRule:
    access.check_keep_records(by)
    RetentionRule.objects.filter(pk=rule.pk).update(is_active=False)
    rule.is_active = False
    event_log(
        actor=by,
        action=ArchiveEvent.Action.RULE_CHANGED,
        summary=site_text(gettext_noop("Bevaringsregel slått av: %(rule)s"), {"rule": rule}),
        details={"retention_rule": rule.pk},
    )
    return rule


def active_hold(thread: Thread) -> LegalHold | None:
    return LegalHold.objects.filter(thread=thread, lifted_at__isnull=True).first()
