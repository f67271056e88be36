"""Listening: follows, notifications, @-mentions, e-mail and bookmarks.

The request only records *what happened* and enqueues ``forum.tasks.fan_out``;
the task finds who follows, keeps only those who may see the thread (through
``access``) and inserts their notifications in bulk, so a topic with
5 000 followers costs the request the same few queries as one with none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task

import access
from access import notifications_visible_to  # noqa: F401  (callers read it here too)
from fagrom import generations
from fagrom.i18n import site_text
from fagrom.queue import enqueue_with_commit

from ..models import (
    Bookmark,
    Follow,
    ListeningSettings,
    Notification,
    Post,
    Thread,
    Topic,
)

BATCH_SIZE = 1000
MENTION_RE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_.\-]{2,150})")


# Who is notified -----------------------------------------------------------------------


def notify(
    *,
    users: Iterable,
    kind: str,
    message: str,
    params: dict | None = None,
    actor=None,
    post=None,
    thread=None,
    url="",
):
    """Notify a few named people now (the author of a hidden post, a moderator...).

    ``message`` is a msgid marked with ``gettext_noop`` and ``params`` its values (JSON:
    strings, numbers, ``fagrom.i18n.translatable`` labels); each reader sees it in their
    own language. Only people who may see the thread are notified; e-mail goes out for
    those who asked for it immediately.
    """
    if post is not None:
        thread = thread or post.thread
        url = url or post.get_absolute_url()
    if thread is not None and not url:
        url = thread.get_absolute_url()
    users = [u for u in users if u is not None and (actor is None or u.pk != actor.pk)]
    if thread is not None:
        users = [u for u in users if access.can_view(u, thread)]
    about = notification_fields(message, params)
    rows = [
        Notification(user=u, kind=kind, actor=actor, thread=thread, post=post, url=url, **about)
        for u in users
    ]
    created = Notification.objects.bulk_create(rows)
    if created:
        ids = [n.pk for n in created if n.pk]
        if ids:
            enqueue_with_commit(email_immediate, ids)
    return created


def notification_fields(message: str, params: dict | None = None, text: str = "") -> dict:
    """What a notification says: the msgid and its values, and the site-language text
    (the fallback, and what rows from before ``message`` existed hold)."""
    params = params or {}
    if message and not text:
        text = site_text(message, params)
    return {"message": message, "params": params, "text": text[:300]}


def fan_out_later(
    *,
    thread: Thread,
    kind: str,
    message: str,
    params: dict | None = None,
    actor=None,
    post: Post | None = None,
    url="",
):
    """Queue notifications to the followers of ``thread`` and its topic (if the change commits).

    ``message`` and ``params`` as for ``notify``.
    """
    args = {
        "thread_id": thread.pk,
        "kind": kind,
        "message": message,
        "params": params or {},
        "actor_id": actor.pk if actor else None,
        "post_id": post.pk if post else None,
        "url": url,
    }
    enqueue_with_commit(fan_out, **args)


def follower_ids(thread: Thread):
    """People following the thread or its topic (a queryset of ids, not evaluated)."""
    return (
        Follow.objects.filter(Q(thread_id=thread.pk) | Q(topic_id=thread.topic_id))
        .values_list("user_id", flat=True)
        .distinct()
    )


def mentioned_usernames(body: str) -> set[str]:
    return {m.lower().rstrip(".") for m in MENTION_RE.findall(body or "")}


def fan_out_run(
    *,
    thread_id: int,
    kind: str,
    message: str = "",
    params: dict | None = None,
    text: str = "",
    actor_id=None,
    post_id=None,
    url="",
) -> int:
    """Create notifications for followers (and people @-mentioned in the post), in bulk.

    Runs in a background task. Returns the number of notifications created. ``text``
    alone (no ``message``) is what tasks enqueued before notifications kept their
    message carry; it is stored and shown as it is.
    """
    thread = Thread.objects.select_related("topic__room").filter(pk=thread_id).first()
    if thread is None:
        return 0
    post = Post.objects.filter(pk=post_id).first() if post_id else None
    if post is not None and post.is_hidden:
        return 0
    url = url or (post.get_absolute_url() if post else thread.get_absolute_url())
    allowed = access.users_who_can_view(thread)
    User = get_user_model()
    created = 0

    mentioned = set()
    if post is not None:
        names = mentioned_usernames(post.body)
        if names:
            users = allowed.filter(username__in=names).exclude(pk=actor_id)
            mentioned = set(users.values_list("pk", flat=True))
            created += _bulk_notify(
                mentioned,
                kind=Notification.Kind.MENTION,
                about=notification_fields(
                    gettext_noop("%(name)s nevnte deg i «%(thread)s»"),
                    {"name": post.author.get_full_name(), "thread": thread.title},
                ),
                actor_id=actor_id,
                thread=thread,
                post=post,
                url=url,
            )
    followers = (
        User.objects.filter(pk__in=follower_ids(thread))
        .filter(pk__in=allowed.values("pk"))
        .exclude(pk=actor_id)
        .exclude(pk__in=mentioned)
        .values_list("pk", flat=True)
        .order_by("pk")
    )
    created += _bulk_notify(
        followers.iterator(chunk_size=BATCH_SIZE),
        kind=kind,
        about=notification_fields(message, params, text),
        actor_id=actor_id,
        thread=thread,
        post=post,
        url=url,
    )
    return created


def _bulk_notify(user_ids, *, kind, about, actor_id, thread, post, url) -> int:
    """Insert notifications ``BATCH_SIZE`` at a time; e-mail those who want it at once."""
    now = timezone.now()
    batch, created = [], 0

    def flush():
        rows = Notification.objects.bulk_create(batch)
        email_immediate_run([n.pk for n in rows if n.pk])
        return len(rows)

    for user_id in user_ids:
        batch.append(
            Notification(
                user_id=user_id,
                kind=kind,
                actor_id=actor_id,
                thread=thread,
                post=post,
                url=url,
                created_at=now,
                **about,
            )
        )
        if len(batch) >= BATCH_SIZE:
            created += flush()
            batch = []
    if batch:
        created += flush()
    return created


# E-mail --------------------------------------------------------------------------------


def email_immediate_run(notification_ids) -> int:
    """Send e-mail for notifications whose recipients want it at once. Returns mails sent.

    Whoever created the notifications already kept only people who may see the thread.
    """
    rows = (
        Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True)
        .filter(
            Exists(
                ListeningSettings.objects.filter(
                    user_id=OuterRef("user_id"), email=ListeningSettings.Email.IMMEDIATE
                )
            )
        )
        .exclude(user__email="")
        .select_related("user", "thread__topic__room")
    )
    messages, sent_ids = [], []
    for n in rows.iterator(chunk_size=BATCH_SIZE):
        with translation.override(n.user.language or settings.LANGUAGE_CODE):
            body = render_to_string(
                "forum/email/notification.txt", {"n": n, "SITE_URL": settings.SITE_URL}
            )
            subject = f"[Fagrom] {n.display_text}"[:200]
        messages.append(mail.EmailMessage(subject=subject, body=body, to=[n.user.email]))
        sent_ids.append(n.pk)
    if messages:
        with mail.get_connection() as connection:
            connection.send_messages(messages)
        Notification.objects.filter(pk__in=sent_ids).update(emailed_at=timezone.now())
    return len(messages)


def digests_send(*, now=None) -> int:
    """One e-mail per person who chose the daily digest, with what they have not seen."""
    now = now or timezone.now()
    settings_rows = ListeningSettings.objects.filter(
        email=ListeningSettings.Email.DAILY
    ).select_related("user")
    sent = 0
    with mail.get_connection() as connection:
        for row in settings_rows.iterator(chunk_size=200):
            user = row.user
            if not user.is_active or not user.email:
                continue
            pending = list(
                notifications_visible_to(user)
                .filter(read_at__isnull=True, emailed_at__isnull=True, created_at__lte=now)
                .order_by("created_at")[:100]
            )
            if pending:
                with translation.override(user.language or settings.LANGUAGE_CODE):
                    body = render_to_string(
                        "forum/email/digest.txt",
                        {"user": user, "notifications": pending, "SITE_URL": settings.SITE_URL},
                    )
                    subject = _("[Fagrom] Dagens varsler (%(n)d)") % {"n": len(pending)}
                connection.send_messages(
                    [mail.EmailMessage(subject=subject, body=body, to=[user.email])]
                )
                Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=now)
                sent += 1
            row.last_digest_at = now
            row.save(update_fields=["last_digest_at"])
    return sent


# Reading notifications ------------------------------------------------------------------


def unread_count(user) -> int:
    return notifications_visible_to(user).filter(read_at__isnull=True).count()


_UNREAD_COUNT_ATTR = "_fagrom_unread_notification_count"

# Notifications that point somewhere other than the thread (the report queue, an
# escalation's page): reading the thread is not reading them.
ELSEWHERE_KINDS = (Notification.Kind.FLAG, Notification.Kind.ESCALATION)


def unread_count_memo(user, *, known: int | None = None) -> int:
    """``unread_count``, counted once per request (memoised on the user object, which
    lives for one request, like ``access.grants``): the menu shows it on every page.

    ``known`` records a count the caller already has exactly (the front page's
    notification panel), so the menu does not count again.
    """
    if known is not None:
        setattr(user, _UNREAD_COUNT_ATTR, known)
        return known
    cached = getattr(user, _UNREAD_COUNT_ATTR, None)
    if cached is None:
        from .menu import menu_counts  # with the moderator's queue, in one statement

        cached = menu_counts(user)["unread"]
        setattr(user, _UNREAD_COUNT_ATTR, cached)
    return cached


def thread_notifications_mark_read(*, user, thread: Thread, unread_here: bool | None = None) -> int:
    """A person opened ``thread``: what they were told about it is read. Returns how many.

    Free when they have nothing unread: the menu's unread count, which the page shows
    anyway, is taken first (and kept for the menu), and ``unread_here`` (False: the
    caller knows nothing about this thread is unread) saves the UPDATE that would mark
    nothing. Only then is one UPDATE issued, and the kept count lowered by what it
    marked. ``thread`` must be visible to ``user``.
    """
    unread = unread_count_memo(user)
    if not unread or unread_here is False:
        return 0
    marked = (
        Notification.objects.filter(user=user, thread=thread, read_at__isnull=True)
        .exclude(kind__in=ELSEWHERE_KINDS)
        .update(read_at=timezone.now())
    )
    if marked:
        generations.reader_changed(user)
    setattr(user, _UNREAD_COUNT_ATTR, max(unread - marked, 0))
    return marked


def notifications_mark_read(*, user, ids=None) -> int:
    qs = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    marked = qs.update(read_at=timezone.now())
    if marked:
        generations.reader_changed(user)
    return marked


def listening_settings_for(user) -> ListeningSettings:
    row, _created = ListeningSettings.objects.get_or_create(user=user)
    return row


def listening_settings_update(*, user, email: str) -> ListeningSettings:
    row = listening_settings_for(user)
    row.email = email
    row.save(update_fields=["email"])
    return row


def feed_token_reset(*, user) -> ListeningSettings:
    import secrets

    row = listening_settings_for(user)
    row.feed_token = secrets.token_urlsafe()
    row.save(update_fields=["feed_token"])
    return row


def user_for_feed_token(token: str):
    """The person a feed token belongs to, or None."""
    if not token or len(token) > 64:
        return None
    row = (
        ListeningSettings.objects.select_related("user")
        .filter(feed_token=token, user__is_active=True)
        .first()
    )
    return row.user if row else None


# Following and bookmarks -----------------------------------------------------------------


def follow_toggle(*, user, thread: Thread | None = None, topic: Topic | None = None) -> bool:
    """Follow or unfollow; returns whether the person now follows."""
    access.check_view(user, thread or topic)
    lookup = {"user": user, "thread": thread} if thread else {"user": user, "topic": topic}
    deleted, _rows = Follow.objects.filter(**lookup).delete()
    if deleted:
        return False
    Follow.objects.create(**lookup)
    return True


def follow_ensure(*, user, thread: Thread) -> None:
    Follow.objects.get_or_create(user=user, thread=thread, topic=None)


def bookmark_toggle(*, user, thread: Thread) -> bool:
    access.check_view(user, thread)
    deleted, _rows = Bookmark.objects.filter(user=user, thread=thread).delete()
    if deleted:
        return False
    Bookmark.objects.create(user=user, thread=thread)
    return True


def bookmarks_visible_to(user):
    return Bookmark.objects.filter(
        user=user, thread__in=access.threads_visible_to(user)
    ).select_related("thread__topic__room", "thread__last_post_author__org_unit")


# Background tasks (``manage.py db_worker``; in-process on the embedded default). They live
# beside the work they do so that enqueuing them needs no import of ``forum.tasks``.


@task()
def fan_out(
    *, thread_id, kind, message="", params=None, text="", actor_id=None, post_id=None, url=""
):
    """Notify followers and @-mentioned people of something that happened in a thread.

    ``text`` without ``message``: a task enqueued before notifications kept their message.
    """
    return fan_out_run(
        thread_id=thread_id,
        kind=kind,
        message=message,
        params=params,
        text=text,
        actor_id=actor_id,
        post_id=post_id,
        url=url,
    )


@task()
def email_immediate(notification_ids):
    return email_immediate_run(notification_ids)


@task()
def send_digests():
    return digests_send()
