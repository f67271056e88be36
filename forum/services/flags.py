"""Flags: any employee reports a post; another moderator of the topic handles it."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

import access

from ..models import Flag, ModerationAction, ModerationLogEntry, Notification, Post
from . import listening, moderation


@transaction.atomic
def flag_create(*, post: Post, by, reason: str) -> Flag:
    access.check_flag(by, post)
    existing = Flag.objects.filter(post=post, reporter=by, state=Flag.State.OPEN).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            flag = Flag.objects.create(post=post, reporter=by, reason=reason.strip())
    except IntegrityError:
        return Flag.objects.get(post=post, reporter=by, state=Flag.State.OPEN)
    thread = post.thread
    # Tell the topic's moderators, except the author of the post (who may not handle it).
    listening.notify(
        users=[m for m in thread.topic.moderators.all() if m.pk != post.author_id],
        kind=Notification.Kind.FLAG,
        actor=None,
        post=post,
        url=_flag_queue_url(),
        message=gettext_noop("Et innlegg i «%(thread)s» er rapportert"),
        params={"thread": thread.title},
    )
    return flag


def _flag_queue_url():
    from django.urls import reverse

    return reverse("forum:flag_queue")


def flags_open_for(user):
    """Open flags in the person's topics, oldest first, never on their own posts."""
    return (
        Flag.objects.filter(
            state=Flag.State.OPEN, post__thread__topic__in=access.topics_moderated_by(user)
        )
        .exclude(post__author=user)
        .select_related("post__thread__topic__room", "post__author__org_unit", "reporter__org_unit")
        .order_by("created_at", "id")
    )


_OPEN_COUNT_ATTR = "_fagrom_open_flag_count"


def flags_open_count(user, *, known: int | None = None) -> int:
    """How many flags ``flags_open_for`` holds, counted once per request.

    The front page's flag panel and the moderator menu both show this number; the count
    is memoised on the user object (which lives for one request, like ``access.grants``)
    so the page counts once. ``known`` records a count the caller already has exactly.
    """
    if known is not None:
        setattr(user, _OPEN_COUNT_ATTR, known)
        return known
    cached = getattr(user, _OPEN_COUNT_ATTR, None)
    if cached is None:
        from .menu import menu_counts  # with the menu's other numbers, in one statement

        counts = menu_counts(user)
        cached = counts["flags"] if "flags" in counts else flags_open_for(user).count()
        setattr(user, _OPEN_COUNT_ATTR, cached)
    return cached


@transaction.atomic
def flag_handle(*, flag: Flag, by, decision: str, resolution: str) -> Flag:
    """Uphold (hide the post with the resolution as the reason) or dismiss; logged."""
    flag = (
        Flag.objects.select_for_update().select_related("post__thread__topic__room").get(pk=flag.pk)
    )
    post = flag.post
    access.check_handle_post(by, post)
    if flag.state != Flag.State.OPEN:
        return flag
    now = timezone.now()
    reporters = [
        f.reporter
        for f in Flag.objects.filter(post=post, state=Flag.State.OPEN).select_related("reporter")
    ]
    if decision == Flag.State.UPHELD:
        moderation.post_hide(post=post, by=by, reason=resolution)
    # Every open flag on the post is settled by the same decision.
    Flag.objects.filter(post=post, state=Flag.State.OPEN).update(
        state=decision, handled_by=by, handled_at=now, resolution=resolution
    )
    ModerationLogEntry.objects.create(
        actor=by,
        action=ModerationAction.FLAG_UPHELD
        if decision == Flag.State.UPHELD
        else ModerationAction.FLAG_DISMISSED,
        topic=post.thread.topic,
        thread=post.thread,
        post=post,
        reason=resolution,
        details={"flag": flag.pk, "flag_reason": flag.reason},
    )
    _tell_reporters(reporters, post=post, by=by, decision=decision, resolution=resolution)
    flag.refresh_from_db()
    return flag


def _tell_reporters(reporters, *, post, by, decision, resolution):
    """Whoever reported the post learns the outcome. A removal's reason is public on the
    post anyway; a dismissal's note may be internal, so the reporter gets the outcome only."""
    if decision == Flag.State.UPHELD:
        message = gettext_noop(
            "Innlegget du rapporterte i «%(thread)s» er fjernet. Begrunnelse: %(reason)s"
        )
        params = {"thread": post.thread.title, "reason": resolution}
    else:
        message = gettext_noop(
            "Rapporten din om et innlegg i «%(thread)s» er vurdert. Innlegget blir stående."
        )
        params = {"thread": post.thread.title}
    listening.notify(
        users=reporters,
        kind=Notification.Kind.FLAG,
        actor=by,
        post=post,
        message=message,
        params=params,
    )
