"""What every forum view needs: visible objects or 404, and pagination."""

import functools

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Exists, F, OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404

import access
from fagrom import generations

from ..models import Bookmark, Follow, IdeaVote, Notification, Thread, ThreadRead, Topic
from ..services.listening import ELSEWHERE_KINDS


def paginate(request, queryset, per_page, *, count=None):
    """A page of ``queryset`` from ``?page=``, and the elided page range for the template.

    Pass ``count`` when a counter column already knows it (saves a COUNT query).
    """
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # cached_property: an instance attribute overrides it
    page_obj = paginator.get_page(request.GET.get("page"))
    return page_obj, paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


def topic_row_key(room_slug, topic_slug) -> str:
    return f"topic-row:{room_slug}:{topic_slug}"  # slugs: [-a-zA-Z0-9_] (the URL converter)


def kept_topic_or_404(user, room_slug, topic_slug):
    """``visible_topic_or_404`` for a page that only reads the topic: its row with the
    room, the same for every reader, is kept while nothing changed (``fagrom.generations``)
    and ``access.can_view`` decides on it, as on any topic."""
    topic = generations.cached(
        topic_row_key(room_slug, topic_slug),
        make=lambda: (
            Topic.objects.select_related("room")
            .filter(room__slug=room_slug, slug=topic_slug)
            .first()
        ),
    )
    if topic is None or not access.can_view(user, topic):
        raise Http404
    return topic


def visible_topic_or_404(user, room_slug, topic_slug):
    return get_object_or_404(
        access.topics_visible_to(user).select_related("room"), room__slug=room_slug, slug=topic_slug
    )


def _reader_state(user):
    return {
        "reader_read_at": Subquery(
            ThreadRead.objects.filter(user=user, thread=OuterRef("pk")).values("read_at")[:1]
        ),
        "is_following": Exists(Follow.objects.filter(user=user, thread=OuterRef("pk"))),
        "is_bookmarked": Exists(Bookmark.objects.filter(user=user, thread=OuterRef("pk"))),
        "has_voted": Exists(IdeaVote.objects.filter(user=user, thread=OuterRef("pk"))),
    }


def visible_thread_or_404(user, thread_id, *, reader_state=False):
    """The thread if ``user`` may see it, else 404.

    ``reader_state`` reads in the same statement what the thread page shows of the
    reader's own relation to it: ``reader_read_at`` (their read mark or None),
    ``is_following``, ``is_bookmarked``, ``has_voted``, ``accepted_position``.
    """
    threads = access.threads_visible_to(user).select_related("topic__room", "author__org_unit")
    if reader_state:
        threads = threads.annotate(
            **_reader_state(user), accepted_position=F("accepted_answer__position")
        )
    return get_object_or_404(threads, pk=thread_id)


def kept_thread_for_reader_or_404(user, thread_id):
    """``visible_thread_or_404(..., reader_state=True)`` for a page that only reads it.

    The thread's row with its topic, room and author, the same for every reader, is kept
    while nothing changed (``fagrom.generations``: any write, the thread's move
    included, makes it stale), and ``access.can_view`` decides on it, as on any thread;
    the reader's own state is asked fresh (``reader_state``). Building and reading the
    wide join with the four subqueries through the ORM cost ~4 ms, more than the rest of
    the thread page's statements together. Not for views that write the thread: the
    kept row may be one request old.
    """
    thread = generations.cached(thread_row_key(thread_id), make=lambda: _thread_row(thread_id))
    if thread is None or not access.can_view(user, thread):
        raise Http404
    (
        thread.reader_read_at,
        thread.is_following,
        thread.is_bookmarked,
        thread.has_voted,
        thread.reader_has_unread_notifications,
    ) = reader_state(user, thread.pk)
    return thread


@functools.cache
def _reader_state_sql(vendor: str) -> str:
    quote = connection.ops.quote_name

    def table(model):
        return quote(model._meta.db_table)

    def col(model, name):
        return quote(model._meta.get_field(name).column)

    def where(model):
        return f"{col(model, 'thread')} = %s AND {col(model, 'user')} = %s"

    exists = ", ".join(
        f"EXISTS (SELECT 1 FROM {table(m)} WHERE {where(m)})" for m in (Follow, Bookmark, IdeaVote)
    )
    # What opening the thread marks read (listening.thread_notifications_mark_read).
    kinds = ", ".join(["%s"] * len(ELSEWHERE_KINDS))
    notifications = (
        f"EXISTS (SELECT 1 FROM {table(Notification)} WHERE {where(Notification)} "
        f"AND {col(Notification, 'read_at')} IS NULL AND {col(Notification, 'kind')} "
        f"NOT IN ({kinds}))"
    )
    return (
        f"SELECT (SELECT {col(ThreadRead, 'read_at')} FROM {table(ThreadRead)} "
        f"WHERE {where(ThreadRead)}), {exists}, {notifications}"
    )


def reader_state(user, thread_id) -> tuple:
    """The reader's read mark (or None), whether they follow, bookmarked and voted for
    the thread, and whether they have unread notifications about it: one statement on
    unique (user, thread) pairs and the person's unread notifications (indexed), written
    out because the ORM spent ~2 ms building it. Asks nothing about access: the caller
    has decided that."""
    params = [thread_id, user.pk] * 5 + [str(kind) for kind in ELSEWHERE_KINDS]
    with connection.cursor() as cursor:
        cursor.execute(_reader_state_sql(connection.vendor), params)
        read_at, following, bookmarked, voted, notified = cursor.fetchone()
    if read_at is not None:
        field = ThreadRead._meta.get_field("read_at")
        column = field.get_col(ThreadRead._meta.db_table)
        for convert in connection.ops.get_db_converters(column) + column.get_db_converters(
            connection
        ):
            read_at = convert(read_at, column, connection)
    return read_at, bool(following), bool(bookmarked), bool(voted), bool(notified)


def thread_row_key(thread_id) -> str:
    return f"thread-row:{int(thread_id)}"


def _thread_row(thread_id):
    return (
        Thread.objects.select_related("topic__room", "author__org_unit")
        .defer("author__password")  # nothing reads it; a kept row holds no hash
        .annotate(accepted_position=F("accepted_answer__position"))
        .filter(pk=thread_id)
        .first()
    )


def visible_post_or_404(user, post_id):
    return get_object_or_404(
        access.posts_visible_to(user).select_related("thread__topic__room", "author__org_unit"),
        pk=post_id,
    )
