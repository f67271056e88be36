"""Forum rules: starting threads, replying, editing, reading.

Each function is keyword-only, atomic, checks access through ``access``
and keeps counters right with ``F()`` updates on locked rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.db.models import BooleanField, Case, F, Subquery, Value, When
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext_noop

import access
from fagrom import generations
from fagrom.storage import files_atomic
from search.tasks import index_later

from .. import markup
from ..models import (
    Notification,
    Post,
    PostRevision,
    Thread,
    ThreadRead,
    Topic,
    TopicRead,
    unread_condition,
)
from . import guidance, listening
from .attachments import attachments_add, attachments_check


def post_url(post: Post) -> str:
    """Link to a post on the page of its thread where it appears."""
    return post.get_absolute_url()


def author_snapshot(author) -> dict[str, str]:
    """The author as they are now, to be stored with what they write (the real-name rule)."""
    return {
        "author_name": author.get_full_name(),
        "author_workplace": author.workplace,
        "author_title": author.title,
    }


def _new_post(*, thread: Thread, author, body: str, position: int, at) -> Post:
    return Post.objects.create(
        thread=thread,
        author=author,
        **author_snapshot(author),
        position=position,
        body=body,
        body_html=markup.render(body),
        markup_version=markup.MARKUP_VERSION,
        created_at=at,
    )


@files_atomic()
def thread_start(
    *,
    topic: Topic,
    author,
    title: str,
    body: str,
    kind: str = Thread.Kind.DISCUSSION,
    attachments: Sequence = (),
) -> Thread:
    access.check_post(author, topic)
    checked = attachments_check(attachments) if attachments else []
    now = timezone.now()
    thread = Thread.objects.create(
        topic=topic,
        title=title.strip(),
        kind=kind,
        author=author,
        created_at=now,
        last_post_at=now,
        last_post_author=author,
        post_count=1,
    )
    first = _new_post(thread=thread, author=author, body=body, position=1, at=now)
    attachments_add(post=first, uploads=checked, by=author)
    Topic.objects.filter(pk=topic.pk).update(
        thread_count=F("thread_count") + 1, post_count=F("post_count") + 1, last_post_at=now
    )
    ThreadRead.objects.update_or_create(user=author, thread=thread, defaults={"read_at": now})
    index_later("forum.thread", thread.pk)
    _after_publish(post=first, new_thread=True)
    return thread


@files_atomic()
def post_reply(*, thread: Thread, author, body: str, attachments: Sequence = ()) -> Post:
    # Lock the thread row: positions are numbered without gaps and counters stay exact.
    locked = Thread.objects.select_for_update().select_related("topic").get(pk=thread.pk)
    access.check_post(author, locked)
    checked = attachments_check(attachments) if attachments else []
    now = timezone.now()
    post = _new_post(
        thread=locked, author=author, body=body, position=locked.post_count + 1, at=now
    )
    attachments_add(post=post, uploads=checked, by=author)
    Thread.objects.filter(pk=locked.pk).update(
        post_count=F("post_count") + 1, last_post_at=now, last_post_author=author
    )
    Topic.objects.filter(pk=locked.topic_id).update(
        post_count=F("post_count") + 1, last_post_at=now
    )
    ThreadRead.objects.update_or_create(user=author, thread=locked, defaults={"read_at": now})
    index_later("forum.thread", locked.pk)
    _after_publish(post=post, new_thread=False)
    return post


@transaction.atomic
def post_edit(*, post: Post, by, body: str) -> Post:
    """Change a post's text; the text it replaces is kept as a revision."""
    access.check_edit_post(by, post)
    if body == post.body:
        return post
    now = timezone.now()
    PostRevision.objects.create(
        post=post,
        body=post.body,
        edited_by=by,
        **author_snapshot(by),
        created_at=now,
        was_written_at=post.edited_at or post.created_at,
    )
    post.body = body
    post.body_html = markup.render(body)
    post.markup_version = markup.MARKUP_VERSION
    post.edited_at = now
    post.revision_count = F("revision_count") + 1
    post.save(update_fields=["body", "body_html", "markup_version", "edited_at", "revision_count"])
    post.refresh_from_db(fields=["revision_count"])
    index_later("forum.thread", post.thread_id)
    guidance.citations_sync(post=post)
    return post


def thread_first_unread(*, thread: Thread, user) -> int | None:
    """Position of the first post the person has not seen (one query), or None.

    "Seen" is what ``unread_condition`` counts as read: the person's read marker, the
    topic's "mark all read" and the day they joined. Call it before ``thread_mark_read``.
    """
    if not user.is_authenticated or thread.last_post_at is None:
        return None
    joined = Value(user.date_joined)
    thread_read = Subquery(
        ThreadRead.objects.filter(user=user, thread=thread).values("read_at")[:1]
    )
    topic_read = Subquery(
        TopicRead.objects.filter(user=user, topic_id=thread.topic_id).values("read_at")[:1]
    )
    since = Greatest(Coalesce(thread_read, joined), Coalesce(topic_read, joined), joined)
    return (
        Post.objects.filter(thread=thread, created_at__gt=since)
        .exclude(author=user)  # one's own reply is not news
        .order_by("position")
        .values_list("position", flat=True)
        .first()
    )


_UNKNOWN = object()


def thread_mark_read(*, thread: Thread, user, current=_UNKNOWN) -> bool:
    """The person has read ``thread`` up to its last post. Returns whether the mark moved.

    A plain re-read writes nothing: the mark is written only when it moves.
    ``current`` is the person's mark as already read with the thread (``None``: no
    mark yet); without it, it is read here.
    """
    if not user.is_authenticated:
        return False
    if current is _UNKNOWN:
        current = (
            ThreadRead.objects.filter(user=user, thread=thread)
            .values_list("read_at", flat=True)
            .first()
        )
    read_at = thread.last_post_at
    if current is not None and current >= read_at:
        return False
    generations.reader_changed(user)  # the front page's unread marks and counts move
    # One UPDATE when a mark exists (update_or_create costs a savepoint and a SELECT too).
    if current is not None and ThreadRead.objects.filter(user=user, thread=thread).update(
        read_at=read_at
    ):
        return True
    try:
        with transaction.atomic():
            ThreadRead.objects.create(user=user, thread=thread, read_at=read_at)
    except IntegrityError:  # a second tab got there first
        ThreadRead.objects.filter(user=user, thread=thread).update(read_at=read_at)
    return True


def topic_mark_read(*, topic: Topic, user) -> None:
    TopicRead.objects.update_or_create(user=user, topic=topic, defaults={"read_at": timezone.now()})
    generations.reader_changed(user)


def posts_rerender(*, batch_size: int = 500) -> int:
    """Re-render posts stored with older markup rules. Returns how many changed."""
    changed = 0
    stale = Post.objects.filter(markup_version__lt=markup.MARKUP_VERSION).only("id", "body")
    batch = []
    for post in stale.iterator(chunk_size=batch_size):
        post.body_html = markup.render(post.body)
        post.markup_version = markup.MARKUP_VERSION
        batch.append(post)
        if len(batch) >= batch_size:
            changed += Post.objects.bulk_update(batch, ["body_html", "markup_version"])
            batch = []
    if batch:
        changed += Post.objects.bulk_update(batch, ["body_html", "markup_version"])
    return changed


def threads_recent_for(user, limit: int = 15):
    """The newest activity the person may see, unread ones marked."""
    return (
        access.threads_visible_to(user)
        .select_related("topic__room", "last_post_author__org_unit")
        .annotate(
            is_unread=Case(
                When(unread_condition(user), then=True), default=False, output_field=BooleanField()
            )
        )
        .order_by("-last_post_at")[:limit]
    )


def _after_publish(*, post: Post, new_thread: bool) -> None:
    """After a thread or reply is written: follow it, cite rules, update status, notify.

    Issues a bounded number of queries whatever the number of followers.
    """
    thread = post.thread
    listening.follow_ensure(user=post.author, thread=thread)
    guidance.citations_sync(post=post)
    if not new_thread:
        guidance.question_after_reply(thread=thread, post=post)
    if new_thread:
        kind = Notification.Kind.NEW_THREAD
        message = gettext_noop("Ny tråd i %(topic)s: «%(thread)s»")
        params = {"topic": thread.topic.name, "thread": thread.title}
    else:
        kind = Notification.Kind.REPLY
        message = gettext_noop("%(name)s svarte i «%(thread)s»")
        params = {"name": post.author.get_full_name(), "thread": thread.title}
    listening.fan_out_later(
        thread=thread, kind=kind, message=message, params=params, actor=post.author, post=post
    )
