"""Moderation: verify, clarify, notes, move/rename/lock/pin, hide/restore, and the log.

Every function checks access through ``access``, runs atomically and writes a
``ModerationLogEntry`` (who, what, when, why). Nothing is ever deleted here.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import access
from search.tasks import index_later

from .. import markup, post_html
from ..models import (
    Clarification,
    ModerationAction,
    ModerationLogEntry,
    ModeratorNote,
    Notification,
    Post,
    Thread,
    Topic,
)
from . import listening


class ModerationError(ValueError):
    """A moderation request that cannot be carried out; the message is for the person."""


def _log(*, actor, action, topic, thread=None, post=None, reason="", **details):
    return ModerationLogEntry.objects.create(
        actor=actor,
        action=action,
        topic=topic,
        thread=thread,
        post=post,
        reason=reason,
        details=details,
    )


def _logged_and_told(*, by, action, post, kind, message, params, reason="", **details):
    """What a moderator's action on a post ends with: its row in the moderation log, and a
    notification to the post's author (``message`` is a msgid, shown in their language)."""
    thread = post.thread
    _log(
        actor=by,
        action=action,
        topic=thread.topic,
        thread=thread,
        post=post,
        reason=reason,
        **details,
    )
    listening.notify(
        users=[post.author], kind=kind, actor=by, post=post, message=message, params=params
    )


def _locked_post(post: Post) -> Post:
    return (
        Post.objects.select_for_update(of=("self",))
        .select_related("thread__topic__room")
        .get(pk=post.pk)
    )


@transaction.atomic
def post_verify(*, post: Post, by) -> Post:
    """Mark an answer as quality-assured (kvalitetssikret) with the moderator's name and time."""
    post = _locked_post(post)
    access.check_handle_post(by, post)
    if post.is_hidden:
        raise ModerationError(_("Et fjernet innlegg kan ikke kvalitetssikres."))
    if post.verified_at:
        return post
    post.verified_by = by
    post.verified_at = timezone.now()
    post.save(update_fields=["verified_by", "verified_at"])
    thread = post.thread
    index_later("forum.thread", thread.pk)  # a verified answer raises the thread in search
    if thread.kind == Thread.Kind.QUESTION and thread.status != Thread.Status.CLOSED:
        Thread.objects.filter(pk=thread.pk).update(status=Thread.Status.VERIFIED)
    _logged_and_told(
        by=by,
        action=ModerationAction.VERIFY,
        post=post,
        kind=Notification.Kind.VERIFIED,
        message=gettext_noop("%(name)s kvalitetssikret svaret ditt i «%(thread)s»"),
        params={"name": by.get_full_name(), "thread": thread.title},
    )
    return post


@transaction.atomic
def post_unverify(*, post: Post, by, reason: str = "") -> Post:
    post = _locked_post(post)
    access.check_handle_post(by, post)
    if not post.verified_at:
        return post
    post.verified_by = None
    post.verified_at = None
    post.save(update_fields=["verified_by", "verified_at"])
    thread = post.thread
    index_later("forum.thread", thread.pk)
    if (
        thread.status == Thread.Status.VERIFIED
        and not thread.posts.filter(verified_at__isnull=False).exists()
    ):
        status = Thread.Status.ANSWERED if thread.post_count > 1 else Thread.Status.OPEN
        Thread.objects.filter(pk=thread.pk).update(status=status)
    _log(
        actor=by,
        action=ModerationAction.UNVERIFY,
        topic=thread.topic,
        thread=thread,
        post=post,
        reason=reason,
    )
    return post


@transaction.atomic
def clarification_create(
    *,
    thread: Thread,
    by,
    title: str,
    body: str,
    valid_from: datetime.date,
    replaces: Clarification | None = None,
) -> Clarification:
    """Post an official clarification, optionally replacing an earlier one in the same topic."""
    access.check_moderate(by, thread)
    access.check_write(by)
    if replaces is not None:
        replaces = Clarification.objects.select_for_update().get(pk=replaces.pk)
        if replaces.thread.topic_id != thread.topic_id:
            raise ModerationError(_("Du kan bare erstatte presiseringer i samme tema."))
        if Clarification.objects.filter(replaces=replaces).exists():
            raise ModerationError(_("Den presiseringen er allerede erstattet."))
    clarification = Clarification.objects.create(
        thread=thread,
        author=by,
        title=title.strip(),
        body=body,
        body_html=markup.render(body),
        valid_from=valid_from,
        replaces=replaces,
    )
    index_later("forum.thread", thread.pk, *([replaces.thread_id] if replaces else []))
    _log(
        actor=by,
        action=ModerationAction.CLARIFY,
        topic=thread.topic,
        thread=thread,
        clarification=clarification.pk,
        replaces=replaces.pk if replaces else None,
    )
    listening.fan_out_later(
        thread=thread,
        kind=Notification.Kind.CLARIFICATION,
        actor=by,
        message=gettext_noop("Ny presisering i «%(thread)s»: %(title)s"),
        params={"thread": thread.title, "title": clarification.title},
        url=clarification.get_absolute_url(),
    )
    return clarification


@transaction.atomic
def moderator_note_add(*, thread: Thread, by, body: str) -> ModeratorNote:
    access.check_moderate(by, thread)
    note = ModeratorNote.objects.create(thread=thread, author=by, body=body.strip())
    _log(actor=by, action=ModerationAction.NOTE, topic=thread.topic, thread=thread)
    return note


def _locked_thread(thread: Thread) -> Thread:
    return (
        Thread.objects.select_for_update(of=("self",))
        .select_related("topic__room")
        .get(pk=thread.pk)
    )


class AccessChangeNotConfirmed(ModerationError):
    """The move would change who may read the thread; the moderator must confirm it first."""

    def __init__(self, change):
        super().__init__(_("Flyttingen endrer hvem som kan lese tråden. Bekreft flyttingen."))
        self.change = change


@transaction.atomic
def thread_move(
    *, thread: Thread, to_topic: Topic, by, reason: str = "", confirm_access_change: bool = False
) -> Thread:
    """Move a thread; the moderator must moderate both topics. Counters move with it.

    A move into another room can open the thread (and its attachments) to people who could
    not read it, or close it to people who could: then it happens only with
    ``confirm_access_change``, after the moderator has seen ``access.access_change_on_move``;
    the log keeps who gained and who lost access.
    """
    thread = _locked_thread(thread)
    access.check_moderate(by, thread)
    access.check_moderate(by, to_topic)
    from_topic = thread.topic
    if from_topic.pk == to_topic.pk:
        return thread
    change = access.access_change_on_move(thread, to_topic)
    if change.crosses_boundary and not confirm_access_change:
        raise AccessChangeNotConfirmed(change)
    thread.topic = to_topic
    thread.save(update_fields=["topic"])
    index_later("forum.thread", thread.pk)  # the new room decides who finds it
    Topic.objects.filter(pk=from_topic.pk).update(
        thread_count=F("thread_count") - 1, post_count=F("post_count") - thread.post_count
    )
    Topic.objects.filter(pk=to_topic.pk).update(
        thread_count=F("thread_count") + 1, post_count=F("post_count") + thread.post_count
    )
    for topic in (from_topic, to_topic):
        _log(
            actor=by,
            action=ModerationAction.MOVE,
            topic=topic,
            thread=thread,
            reason=reason,
            from_topic=from_topic.name,
            to_topic=to_topic.name,
            from_room=change.from_room.name,
            to_room=change.to_room.name,
            access_gained=change.gains,
            access_lost=change.loses,
        )
    return thread


@transaction.atomic
def thread_rename(*, thread: Thread, by, title: str) -> Thread:
    thread = _locked_thread(thread)
    access.check_moderate(by, thread)
    old = thread.title
    thread.title = title.strip()
    thread.save(update_fields=["title"])
    index_later("forum.thread", thread.pk)
    _log(
        actor=by,
        action=ModerationAction.RENAME,
        topic=thread.topic,
        thread=thread,
        old_title=old,
        new_title=thread.title,
    )
    return thread


@transaction.atomic
def thread_set_flags(
    *, thread: Thread, by, locked: bool | None = None, pinned: bool | None = None, reason=""
) -> Thread:
    """Lock/unlock and pin/unpin; each change is logged separately."""
    thread = _locked_thread(thread)
    access.check_moderate(by, thread)
    changes = []
    if locked is not None and locked != thread.is_locked:
        thread.is_locked = locked
        changes.append(ModerationAction.LOCK if locked else ModerationAction.UNLOCK)
    if pinned is not None and pinned != thread.is_pinned:
        thread.is_pinned = pinned
        changes.append(ModerationAction.PIN if pinned else ModerationAction.UNPIN)
    if changes:
        thread.save(update_fields=["is_locked", "is_pinned"])
        index_later("forum.thread", thread.pk)
    for action in changes:
        _log(actor=by, action=action, topic=thread.topic, thread=thread, reason=reason)
    return thread


@transaction.atomic
def question_set_status(*, thread: Thread, by, status: str, reason: str = "") -> Thread:
    """Close or reopen a question (moderators, or the asker closing their own)."""
    thread = _locked_thread(thread)
    if thread.kind != Thread.Kind.QUESTION:
        raise ModerationError(_("Bare spørsmål har status."))
    if status not in Thread.Status.values:
        raise ModerationError(_("Ukjent status."))
    access.check_moderate(by, thread)
    old = thread.status
    thread.status = status
    thread.save(update_fields=["status"])
    _log(
        actor=by,
        action=ModerationAction.STATUS,
        topic=thread.topic,
        thread=thread,
        reason=reason,
        old=old,
        new=status,
    )
    return thread


@transaction.atomic
def post_hide(*, post: Post, by, reason: str) -> Post:
    """Hide a post with a stated reason. The text and its history stay for moderators."""
    reason = (reason or "").strip()
    if not reason:
        raise ModerationError(_("Skriv hvorfor innlegget fjernes. Begrunnelsen vises for alle."))
    post = _locked_post(post)
    access.check_handle_post(by, post)
    if post.is_hidden:
        return post
    post_html.fragments_forget(post)  # as it was shown: its text must not stay in the cache
    post.is_hidden = True
    post.hidden_reason = reason
    post.hidden_by = by
    post.hidden_at = timezone.now()
    post.save(update_fields=["is_hidden", "hidden_reason", "hidden_by", "hidden_at"])
    thread = post.thread
    index_later("forum.thread", thread.pk)  # the removed text leaves search
    _logged_and_told(
        by=by,
        action=ModerationAction.HIDE,
        post=post,
        reason=reason,
        kind=Notification.Kind.HIDDEN,
        message=gettext_noop(
            "Innlegget ditt i «%(thread)s» ble fjernet av en moderator: %(reason)s"
        ),
        params={"thread": thread.title, "reason": reason},
    )
    return post


@transaction.atomic
def post_restore(*, post: Post, by, reason: str = "") -> Post:
    post = _locked_post(post)
    access.check_handle_post(by, post)
    if not post.is_hidden:
        return post
    post.is_hidden = False
    post.save(update_fields=["is_hidden"])
    thread = post.thread
    index_later("forum.thread", thread.pk)
    _logged_and_told(
        by=by,
        action=ModerationAction.RESTORE,
        post=post,
        reason=reason,
        hidden_reason=post.hidden_reason,
        kind=Notification.Kind.RESTORED,
        message=gettext_noop("Innlegget ditt i «%(thread)s» er gjenopprettet."),
        params={"thread": thread.title},
    )
    return post


def removals_visible_to(user):
    """Removed posts as the public page shows them: date, topic and reason, never the text."""
    return (
        Post.objects.filter(
            is_hidden=True, thread__topic__room_id__in=access.grants(user).visible_room_ids
        )
        .select_related("thread__topic__room")
        .only(
            "hidden_at",
            "hidden_reason",
            "thread__topic__name",
            "thread__topic__slug",
            "thread__topic__room__slug",
        )
        .order_by("-hidden_at", "-id")
    )


def moderation_log_for(user):
    """The log of the topics the person moderates."""
    return ModerationLogEntry.objects.filter(
        topic__in=access.topics_moderated_by(user)
    ).select_related("actor__org_unit", "topic__room", "thread", "post")
