"""Suggestion box (forslagskasse): votes and status on threads of kind "idea"."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import access
from fagrom.i18n import translatable

from ..models import (
    IdeaStatus,
    IdeaVote,
    ModerationAction,
    ModerationLogEntry,
    Notification,
    Thread,
)
from . import listening
from .counters import counted_toggle


class IdeaError(ValueError):
    pass


@transaction.atomic
def idea_vote_toggle(*, thread: Thread, by) -> tuple[bool, int]:
    """Vote for an idea, or take the vote back. Returns (voted now, new count)."""
    if not access.can_vote_idea(by, thread):
        raise access.AccessDenied(access.write_blocked_reason(by) or _("Du kan ikke stemme her."))
    voted = counted_toggle(
        IdeaVote,
        counter=Thread.objects.filter(pk=thread.pk),
        field="vote_count",
        user=by,
        thread=thread,
    )
    return voted, Thread.objects.filter(pk=thread.pk).values_list("vote_count", flat=True).get()


@transaction.atomic
def idea_set_status(*, thread: Thread, by, status: str, reason: str = "") -> Thread:
    """Moderators move an idea through its statuses; a rejection needs a reason.
    Followers are told (in a background task)."""
    thread = (
        Thread.objects.select_for_update(of=("self",))
        .select_related("topic__room")
        .get(pk=thread.pk)
    )
    access.check_moderate(by, thread)
    if thread.kind != Thread.Kind.IDEA:
        raise IdeaError(_("Bare forslag har forslagsstatus."))
    if status not in IdeaStatus.values:
        raise IdeaError(_("Ukjent status."))
    reason = (reason or "").strip()
    if status == IdeaStatus.REJECTED and not reason:
        raise IdeaError(_("Skriv hvorfor forslaget avslås."))
    old = thread.idea_status
    thread.idea_status = status
    thread.idea_status_reason = reason
    thread.save(update_fields=["idea_status", "idea_status_reason"])
    ModerationLogEntry.objects.create(
        actor=by,
        action=ModerationAction.IDEA_STATUS,
        topic=thread.topic,
        thread=thread,
        reason=reason,
        details={"old": old, "new": status},
    )
    listening.fan_out_later(
        thread=thread,
        kind=Notification.Kind.IDEA_STATUS,
        actor=by,
        message=gettext_noop("Forslaget «%(thread)s» har fått status: %(status)s"),
        params={"thread": thread.title, "status": translatable(IdeaStatus(status).label)},
    )
    return thread


def ideas_visible_to(user, *, status: str | None = None):
    ideas = (
        access.threads_visible_to(user)
        .filter(kind=Thread.Kind.IDEA)
        .select_related("topic__room", "author__org_unit")
        .order_by("-vote_count", "-created_at")
    )
    if status:
        ideas = ideas.filter(idea_status=status)
    return ideas
