"""Nominating threads for journaling, by hand or by rule, and rejecting nominations."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import access
from fagrom.i18n import site_text
from forum.models import Thread

from ..models import ArchiveEvent, JournalEntry, Nomination, NominationRule
from .audit import actor_name, event_log
from .errors import ArchiveError
from .rules import check_scope, rule_made

AUTOMATIC_SOURCES = {
    Nomination.Source.THREAD,
    Nomination.Source.VERIFIED_ANSWER,
    Nomination.Source.CLARIFICATION,
    Nomination.Source.ESCALATION,
}


def _create(*, thread: Thread, reason: str, source: str, by=None) -> Nomination | None:
    """A pending nomination, or None when the thread already has one."""
    try:
        with transaction.atomic():
            nomination = Nomination.objects.create(
                thread=thread,
                reason=reason,
                source=source,
                nominated_by=by,
                nominated_by_name=actor_name(by) if by else "",
            )
    except IntegrityError:  # one pending nomination per thread (database constraint)
        return None
    event_log(
        actor=by,
        action=ArchiveEvent.Action.NOMINATED,
        summary=site_text(
            gettext_noop("Tråd %(id)s foreslått for journalføring: %(title)s"),
            {"id": thread.pk, "title": thread.title},
        ),
        details={"thread": thread.pk, "nomination": nomination.pk, "source": source},
    )
    return nomination


def thread_has_pending_nomination(thread: Thread) -> bool:
    return Nomination.objects.filter(thread=thread, status=Nomination.Status.PENDING).exists()


@transaction.atomic
def nomination_create(*, thread: Thread, by, reason: str) -> Nomination:
    """A person (author, moderator, records officer) proposes a thread for journaling."""
    access.check_nominate(by, thread)
    reason = reason.strip()
    if not reason:
        raise ArchiveError(_("Skriv hvorfor tråden bør journalføres."))
    nomination = _create(thread=thread, reason=reason, source=Nomination.Source.MANUAL, by=by)
    if nomination is None:
        raise ArchiveError(_("Tråden er allerede foreslått for journalføring."))
    return nomination


def _rules_covering(thread: Thread, what: str) -> QuerySet[NominationRule]:
    return NominationRule.objects.filter(is_active=True, what=what).filter(
        Q(topic_id=thread.topic_id) | Q(room_id=thread.topic.room_id)
    )


def nomination_propose(*, thread: Thread, reason: str, source: str) -> Nomination | None:
    """Propose ``thread`` if an active rule of its topic or room asks for ``source``.

    The forum calls this when something archive-worthy happens (a verified
    answer, a clarification, an escalation); it never imports archive models.
    Returns the new nomination, or None when no rule applies or one is pending.
    """
    if source not in AUTOMATIC_SOURCES:
        raise ValueError(f"Unknown nomination source {source!r}")
    if not _rules_covering(thread, source).exists():
        return None
    return _create(thread=thread, reason=reason, source=source)


def nominations_propose_from_rules(*, now=None) -> int:
    """Nominate the threads that "all new threads" rules cover. Returns how many.

    A rule covers threads started after the rule was made (so a new rule does
    not flood the queue with years of history) that were never nominated.
    """
    now = now or timezone.now()
    created = 0
    rules = NominationRule.objects.filter(
        is_active=True, what=NominationRule.What.THREADS
    ).select_related("room", "topic")
    for rule in rules:
        scope = Q(topic_id=rule.topic_id) if rule.topic_id else Q(topic__room_id=rule.room_id)
        threads = (
            Thread.objects.filter(scope, created_at__gte=rule.created_at, created_at__lte=now)
            .annotate(
                nominated=Exists(Nomination.objects.filter(thread=OuterRef("pk"))),
                journaled=Exists(JournalEntry.objects.filter(thread=OuterRef("pk"))),
            )
            .filter(nominated=False, journaled=False)
            .select_related("topic")
            .order_by("pk")
        )
        for thread in threads.iterator(chunk_size=500):
            reason = site_text(
                gettext_noop("Regel: alle nye tråder i %(scope)s."),
                {"scope": rule.topic.name if rule.topic_id else rule.room.name},
            )
            if _create(thread=thread, reason=reason, source=Nomination.Source.THREAD):
                created += 1
    return created


@transaction.atomic
def nomination_reject(*, nomination: Nomination, by, reason: str) -> Nomination:
    access.check_keep_records(by)
    reason = reason.strip()
    if not reason:
        raise ArchiveError(_("Skriv hvorfor forslaget avvises."))
    locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if locked.status != Nomination.Status.PENDING:
        raise ArchiveError(_("Forslaget er allerede behandlet."))
    locked.status = Nomination.Status.REJECTED
    locked.decided_by = by
    locked.decided_by_name = actor_name(by)
    locked.decided_at = timezone.now()
    locked.decision_reason = reason
    locked.save(
        update_fields=["status", "decided_by", "decided_by_name", "decided_at", "decision_reason"]
    )
    event_log(
        actor=by,
        action=ArchiveEvent.Action.NOMINATION_REJECTED,
        summary=site_text(
            gettext_noop("Forslag om å journalføre tråd %(id)s avvist"), {"id": locked.thread_id}
        ),
        details={"nomination": locked.pk, "thread": locked.thread_id, "reason": reason},
    )
    return locked


def nominations_pending_for(user) -> QuerySet[Nomination]:
    """The records officers' queue; nobody else has one."""
    if not access.can_keep_records(user):
        return Nomination.objects.none()
    return (
        Nomination.objects.filter(status=Nomination.Status.PENDING)
        .select_related("thread__topic__room", "thread__author__org_unit", "nominated_by")
        .order_by("created_at", "id")
    )


@transaction.atomic
def nomination_rule_create(*, by, what: str, room=None, topic=None) -> NominationRule:
    access.check_keep_records(by)
    check_scope(room=room, topic=topic)
    rule = NominationRule.objects.create(room=room, topic=topic, what=what, created_by=by)
    return rule_made(rule=rule, by=by)
