"""Counters: recompute the denormalised thread and topic counters with set-based SQL.

Posting keeps counters right one ``F()`` update at a time. These functions
rebuild them from the posts themselves, for bulk loads (demo, benchmarks)
and for ``manage.py forum_recount`` when something has drifted. Each is one
``UPDATE … SET col = (subquery)`` per counter, whatever the number of rows.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Count, F, IntegerField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from ..models import Post, Thread, Topic


def _aggregate(qs: QuerySet, group_by: str, aggregate) -> Subquery:
    return Subquery(
        qs.order_by().values(group_by).annotate(value=aggregate).values("value")[:1],
        output_field=IntegerField(),
    )


@transaction.atomic
def threads_recount(*, threads: QuerySet[Thread] | None = None) -> int:
    """Set post_count, last_post_at and last_post_author of ``threads`` from their posts."""
    threads = Thread.objects.all() if threads is None else threads
    posts = Post.objects.filter(thread=OuterRef("pk"))
    last = posts.order_by("-position")
    return threads.update(
        post_count=Coalesce(_aggregate(posts, "thread", Count("*")), 0),
        last_post_at=Coalesce(Subquery(last.values("created_at")[:1]), F("created_at")),
        last_post_author=Subquery(last.values("author")[:1]),
    )


@transaction.atomic
def topics_recount(*, topics: QuerySet[Topic] | None = None) -> int:
    """Set thread_count, post_count and last_post_at of ``topics`` from their threads."""
    topics = Topic.objects.all() if topics is None else topics
    threads = Thread.objects.filter(topic=OuterRef("pk"))
    return topics.update(
        thread_count=Coalesce(_aggregate(threads, "topic", Count("*")), 0),
        post_count=Coalesce(_aggregate(threads, "topic", Sum("post_count")), 0),
        last_post_at=Subquery(threads.order_by("-last_post_at").values("last_post_at")[:1]),
    )


def counted_toggle(model, *, counter: QuerySet, field: str, **row) -> bool:
    """Add or take away one person's row (a vote, a "nyttig") and keep the count beside it
    in step with one ``F()`` update of ``counter``. True when the row is there afterwards.
    A double click that loses the race to create it (unique constraint) counts once.
    The caller runs it atomically."""
    deleted, _rows = model.objects.filter(**row).delete()
    if deleted:
        counter.update(**{field: F(field) - 1})
        return False
    try:
        with transaction.atomic():
            model.objects.create(**row)
    except IntegrityError:
        return True  # the other click made it, and counted it
    counter.update(**{field: F(field) + 1})
    return True
