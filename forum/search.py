"""Forum threads as search documents: one document per thread, its posts as the body.

The provider contract (``search/providers.py``): ``documents(pks=None)`` yields a
``SearchDocument`` for every thread among ``pks`` (all threads when ``None``) that
should be findable; a thread it does not yield is removed from the index.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

import access
from search.documents import FORUM, SearchDocument

from .models import Clarification, Post, Thread

SOURCE = "forum.thread"
BATCH = 200

TAG_RE = re.compile(r"<[^>]+>")


def key(thread_id: int) -> str:
    return f"{SOURCE}:{thread_id}"


CLARIFICATION_BOOST = 2.0
VERIFIED_ANSWER_BOOST = 1.5
PINNED_BOOST = 1.2


def boost_of(
    thread: Thread, *, has_clarification: bool = False, has_verified_answer: bool = False
) -> float:
    """How much a thread counts beyond its text (1.0 is normal).

    What case workers look for first: a moderator's clarification (presisering) and
    an answer a moderator has verified (kvalitetssikret). Every backend multiplies
    its text relevance by this. The services that change these facts
    (``clarification_create``, ``post_verify``/``post_unverify``, ``post_hide``/
    ``post_restore``, ``thread_set_flags``) re-index the thread.
    """
    boost = 1.0
    if has_clarification:
        boost *= CLARIFICATION_BOOST
    if has_verified_answer:
        boost *= VERIFIED_ANSWER_BOOST
    if thread.is_pinned:
        boost *= PINNED_BOOST
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
    clarified: set[int] = set()
    verified: set[int] = set()
    # Current clarifications first: they are what the thread page shows on top.
    clarifications = (
        Clarification.objects.current()
        .filter(thread_id__in=bodies)
        .order_by("thread_id", "-valid_from", "-id")
        .values_list("thread_id", "title", "body_html")
    )
    for thread_id, title, body_html in clarifications:
        bodies[thread_id].append(f"{title}\n{plain_text(body_html)}")
        clarified.add(thread_id)
    # A post a moderator removed is not searchable: its text stays for moderators only.
    posts = (
        Post.objects.filter(thread_id__in=bodies, is_hidden=False)
        .order_by("thread_id", "position")
        .values_list("thread_id", "body_html", "verified_at")
    )
    for thread_id, body_html, verified_at in posts:
        bodies[thread_id].append(plain_text(body_html))
        if verified_at is not None:
            verified.add(thread_id)
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
            boost=boost_of(
                thread,
                has_clarification=thread.pk in clarified,
                has_verified_answer=thread.pk in verified,
            ),
            extra={
                "kind": thread.kind,
                "posts": thread.post_count,
                "clarified": thread.pk in clarified,
                "verified": thread.pk in verified,
            },
        )


def count() -> int:
    return Thread.objects.count()
