"""The forum's part of the front page: what is new for a person, and the role panels.

Every function reads through ``access`` and issues a fixed number of
queries (no per-row queries), however many rooms, topics or follows there are.
"""

from __future__ import annotations

import datetime

from django.db.models import BooleanField, Case, Exists, OuterRef, Q, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

import access
from fagrom.panels import PANEL_SIZE, Panel

from .models import (
    Clarification,
    Escalation,
    Follow,
    IdeaStatus,
    ModerationLogEntry,
    Post,
    RoomAuditEntry,
    Thread,
    unread_condition,
)
from .services import flags as flag_services
from .services import guidance, listening

OVERDUE_CANDIDATES = 100  # oldest open questions checked for their response target
ROOM_CHANGES_DAYS = 30
RECENT_DAYS = 30  # how far back "new" clarifications and idea status changes reach


def _with_unread(threads, user):
    return threads.annotate(
        is_unread=Case(
            When(unread_condition(user), then=True), default=False, output_field=BooleanField()
        )
    )


def feed_threads(user):
    """Threads where the person has access, latest activity first (no extras: for counting)."""
    return access.threads_visible_to(user).order_by("-last_post_at", "-id")


def feed_for(user):
    """Threads with new activity where the person has access, newest first (paginated by
    the caller)."""
    return _with_unread(
        feed_threads(user).select_related("topic__room", "last_post_author__org_unit"), user
    )


def answers_panel(user) -> Panel:
    """The person's own questions that others have replied to, latest reply first."""
    replied = Post.objects.filter(thread=OuterRef("pk")).exclude(author=user)
    threads = (
        access.threads_visible_to(user)
        .questions()
        .filter(author=user)
        .filter(Exists(replied))
        .select_related("topic__room", "last_post_author__org_unit")
        .order_by("-last_post_at", "-id")
    )
    return Panel(
        key="answers",
        title=_("Svar på spørsmålene dine"),
        template="frontpage/threads.html",
        items=list(_with_unread(threads, user)[:PANEL_SIZE]),
        empty_text=_("Ingen har svart på spørsmål fra deg ennå."),
    )


def notifications_panel(user) -> Panel:
    """The person's unread notifications, re-checked against what they may see now."""
    unread = listening.notifications_visible_to(user).filter(read_at__isnull=True)
    panel = Panel.listing(
        unread.select_related("actor__org_unit").order_by("-created_at", "-id"),
        key="notifications",
        title=_("Uleste varsler"),
        template="frontpage/notifications.html",
        more_url=reverse("forum:notifications"),
        empty_text=_("Du har ingen uleste varsler."),
    )
    listening.unread_count_memo(user, known=panel.count)  # the menu shows the same number
    return panel


def _followed(user) -> Q | None:
    """Filter for threads the person follows, directly or through their topic; ``None`` when
    they follow nothing.

    The follows are read first (a person has few) so the thread query filters on literal
    ids and can use the primary key and topic indexes; an ``Exists`` with an ``OR`` over
    thread and topic made PostgreSQL walk every thread in the feed order instead.
    """
    thread_ids, topic_ids = set(), set()
    for thread_id, topic_id in Follow.objects.filter(user=user).values_list(
        "thread_id", "topic_id"
    ):
        if thread_id is not None:
            thread_ids.add(thread_id)
        if topic_id is not None:
            topic_ids.add(topic_id)
    if not thread_ids and not topic_ids:
        return None
    return Q(pk__in=sorted(thread_ids)) | Q(topic_id__in=sorted(topic_ids))


def followed_panel(user) -> Panel:
    """Threads in the topics and threads the person follows, latest activity first."""
    followed = _followed(user)
    items = []
    if followed is not None:
        threads = (
            access.threads_visible_to(user)
            .filter(followed)
            .select_related("topic__room", "last_post_author__org_unit")
            .order_by("-last_post_at", "-id")
        )
        items = list(_with_unread(threads, user)[:PANEL_SIZE])
    return Panel(
        key="followed",
        title=_("Fra det du følger"),
        template="frontpage/threads.html",
        items=items,
        more_url=reverse("forum:listening_settings"),
        empty_text=_("Følg tråder og temaer for å se det nyeste fra dem her."),
    )


def clarifications_panel(user) -> Panel:
    """New clarifications (still in force) in the topics the person follows or moderates."""
    since = timezone.now() - datetime.timedelta(days=RECENT_DAYS)
    followed_topics = Follow.objects.filter(user=user, topic__isnull=False).values("topic_id")
    clarifications = (
        Clarification.objects.current()
        .filter(access.visible_rooms_q(user, "thread__topic__"), created_at__gte=since)
        .filter(
            Q(thread__topic_id__in=followed_topics)
            | Q(thread__topic_id__in=access.topics_moderated_by(user).values("id"))
        )
        .exclude(author=user)
        .select_related("thread__topic__room", "author__org_unit")
        .order_by("-created_at", "-id")
    )
    return Panel(
        key="clarifications",
        title=_("Nye presiseringer i dine temaer"),
        template="frontpage/clarifications.html",
        items=list(clarifications[:PANEL_SIZE]),
        empty_text=_("Ingen nye presiseringer de siste %(days)d dagene i temaer du følger.")
        % {"days": RECENT_DAYS},
    )


def ideas_panel(user) -> Panel:
    """Ideas whose status moderators changed lately, where the person has access."""
    since = timezone.now() - datetime.timedelta(days=RECENT_DAYS)
    changes = list(
        ModerationLogEntry.objects.filter(
            access.visible_rooms_q(user, "topic__"),
            action=ModerationLogEntry.Action.IDEA_STATUS,
            created_at__gte=since,
            thread__kind=Thread.Kind.IDEA,
        )
        .select_related("thread__topic")
        .only(
            "created_at",
            "details",
            "thread__title",
            "thread__idea_status",
            "thread__topic__name",
        )
        .order_by("-created_at", "-id")[:PANEL_SIZE]
    )
    for entry in changes:
        new = (entry.details or {}).get("new")
        entry.status_label = IdeaStatus(new).label if new in IdeaStatus.values else ""
    return Panel(
        key="ideas",
        title=_("Forslag med ny status"),
        template="frontpage/ideas.html",
        items=changes,
        more_url=reverse("forum:ideas"),
        empty_text=_("Ingen forslag har endret status de siste %(days)d dagene.")
        % {"days": RECENT_DAYS},
    )


def room_owner_panel(user) -> Panel | None:
    """Room owners: changes to the membership of their rooms made by someone else lately."""
    if not access.is_room_owner(user):
        return None
    since = timezone.now() - datetime.timedelta(days=ROOM_CHANGES_DAYS)
    entries = list(
        RoomAuditEntry.objects.filter(
            room__in=access.rooms_owned_by(user),
            created_at__gte=since,
            action__in=[
                RoomAuditEntry.Action.MEMBER_ADDED,
                RoomAuditEntry.Action.MEMBER_REMOVED,
                RoomAuditEntry.Action.ROLE_CHANGED,
            ],
        )
        .exclude(actor=user)
        .select_related("room")
        .order_by("-created_at", "-id")[:PANEL_SIZE]
    )
    return Panel(
        key="room-changes",
        title=_("Endringer i rommene du eier"),
        template="frontpage/room_changes.html",
        items=entries,
        empty_text=_("Ingen andre har endret medlemmene de siste %(days)d dagene.")
        % {"days": ROOM_CHANGES_DAYS},
    )


def overdue_questions_panel(user) -> Panel | None:
    """Moderators: open questions in their topics past the topic's response target.

    The target is in working days, so the database returns the oldest open
    questions older than a day (a bounded list) and ``guidance.is_overdue`` decides.
    """
    if not access.has_moderator_duties(user):
        return None
    now = timezone.now()
    unanswered = guidance.questions_unanswered_for(user)
    # The deadline needs three columns of each candidate, not a hundred threads with
    # their topics and authors; only the rows shown are loaded whole.
    candidates = list(
        unanswered.filter(created_at__lt=now - datetime.timedelta(days=1)).values_list(
            "pk", "created_at", "topic__response_target_days"
        )[:OVERDUE_CANDIDATES]
    )
    overdue = [
        pk
        for pk, created_at, target_days in candidates
        if guidance.is_past_target(created_at, target_days, now)
    ]
    shown = overdue[:PANEL_SIZE]
    items = []
    if shown:
        items = list(
            unanswered.filter(pk__in=shown)
            .select_related(None)
            .select_related("topic", "author__org_unit")
        )
    return Panel(
        key="overdue-questions",
        title=_("Spørsmål over svarfristen"),
        template="frontpage/overdue_questions.html",
        items=items,
        count=len(overdue),
        more_url=reverse("forum:queue"),
        empty_text=_("Ingen spørsmål har gått over svarfristen."),
        extra={"capped": len(candidates) == OVERDUE_CANDIDATES},
    )


def flags_panel(user) -> Panel | None:
    """Moderators: reports on posts in their topics waiting to be handled."""
    if not access.has_moderator_duties(user):
        return None
    flags = flag_services.flags_open_for(user)
    # The panel names the thread, not the post's text.
    items = list(flags.defer("post__body", "post__body_html")[:PANEL_SIZE])
    return Panel(
        key="flags",
        title=_("Rapporterte innlegg"),
        template="frontpage/flags.html",
        items=items,
        count=flag_services.flags_open_count(
            user, known=None if len(items) == PANEL_SIZE else len(items)
        ),
        more_url=reverse("forum:flag_queue"),
        empty_text=_("Ingen rapporter venter."),
    )


def escalations_panel(user) -> Panel | None:
    """Moderators: escalations not yet answered, oldest first."""
    if not access.has_moderator_duties(user):
        return None
    waiting = (
        access.escalations_visible_to(user)
        .exclude(state=Escalation.State.ANSWERED)
        .select_related("thread", "to_unit", "to_person__org_unit")
        .order_by("created_at", "id")
    )
    return Panel.listing(
        waiting,
        key="escalations",
        title=_("Løftede saker som venter"),
        template="frontpage/escalations.html",
        more_url=reverse("forum:escalations"),
        empty_text=_("Ingen løftede saker venter på svar."),
    )


def panels_for(user) -> list[Panel]:
    """The forum's sections for everyone."""
    return [
        notifications_panel(user),
        answers_panel(user),
        followed_panel(user),
        clarifications_panel(user),
        ideas_panel(user),
    ]


def role_panels_for(user) -> list[Panel]:
    """The forum's panels for the roles the person holds."""
    panels = (
        overdue_questions_panel(user),
        flags_panel(user),
        escalations_panel(user),
        room_owner_panel(user),
    )
    return [p for p in panels if p is not None]
