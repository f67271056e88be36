"""The forum's part of the front page: what is new for a person, and the role panels.

Every function reads through ``people.access`` and issues a fixed number of
queries (no per-row queries), however many rooms, topics or follows there are.
"""

from __future__ import annotations

import datetime

from django.db.models import BooleanField, Case, Exists, OuterRef, When
from django.utils import timezone
from django.utils.translation import gettext as _

from fagrom.panels import Panel
from people import access

from .models import Post, RoomAuditEntry, unread_condition

PANEL_SIZE = 5
ROOM_CHANGES_DAYS = 30


def _with_unread(threads, user):
    return threads.annotate(
        is_unread=Case(
            When(unread_condition(user), then=True), default=False, output_field=BooleanField()
        )
    )


def feed_for(user):
    """Threads with new activity where the person has access, newest first (paginated by
    the caller)."""
    threads = access.threads_visible_to(user)
    return _with_unread(
        threads.select_related("topic__room", "last_post_author__org_unit"), user
    ).order_by("-last_post_at", "-id")


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


def panels_for(user) -> list[Panel]:
    """The forum's sections for everyone."""
    return [answers_panel(user)]


def role_panels_for(user) -> list[Panel]:
    """The forum's panels for the roles the person holds."""
    return [p for p in (room_owner_panel(user),) if p is not None]
