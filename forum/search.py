"""Forum threads as search documents: one document per thread, its posts as the body.

The provider contract (``search/providers.py``): ``documents(pks=None)`` yields a
``SearchDocument`` for every thread among ``pks`` (all threads when ``None``) that
should be findable; a thread it does not yield is removed from the index.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

from people import access
from search.documents import FORUM, SearchDocument

from .models import Post, Thread

SOURCE = "forum.thread"
BATCH = 200

TAG_RE = re.compile(r"<[^>]+>")


def key(thread_id: int) -> str:
    return f"{SOURCE}:{thread_id}"


def boost_of(thread: Thread) -> float:
    """How much a thread counts beyond its text (1.0 is normal).

    THE place to raise what case workers look for first: when the forum gains
    moderator clarifications (presiseringer) and verified answers, multiply here,
    e.g. ``if thread.has_clarification: boost *= 2.0`` and
    ``if thread.has_verified_answer: boost *= 1.5`` (select what they need in
    ``documents``' queryset), and call ``search.tasks.index_later`` where they change.
    """
    boost = 1.0
    if thread.is_pinned:
        boost *= 1.2
    return boost


def plain_text(body_html: str) -> str:
    """Text of sanitised post HTML (tags become spaces so words do not run together)."""
    return html.unescape(TAG_RE.sub(" ", body_html))


def documents(pks: Iterable[int] | None = None) -> Iterator[SearchDocument]:
    threads = Thread.objects.select_related("topic__room", "author").order_by("pk")
    if pks is not None:
        threads = threads.filter(pk__in=list(pks))
    batch: list[Thread] = []
    for thread in threads.iterator(chunk_size=BATCH):
        batch.append(thread)
        if len(batch) >= BATCH:
            yield from _documents(batch)
            batch = []
    if batch:
        yield from _documents(batch)


def _documents(threads: list[Thread]) -> Iterator[SearchDocument]:
    bodies: dict[int, list[str]] = {t.pk: [] for t in threads}
    posts = (
        Post.objects.filter(thread_id__in=bodies)
        .order_by("thread_id", "position")
        .values_list("thread_id", "body_html")
    )
    for thread_id, body_html in posts:
        bodies[thread_id].append(plain_text(body_html))
    for thread in threads:
        room = thread.topic.room
        yield SearchDocument(
            key=key(thread.pk),
            type=FORUM,
            title=thread.title,
            body="\n\n".join(bodies[thread.pk]),
            url=thread.get_absolute_url(),
            principals=frozenset(access.principals_of(thread)),
            date=thread.last_post_at,
            room_id=room.pk,
            topic_id=thread.topic_id,
            unit_id=thread.author.org_unit_id,
            boost=boost_of(thread),
            extra={"kind": thread.kind, "posts": thread.post_count},
        )


def count() -> int:
    return Thread.objects.count()
