"""Demo forum: the open room "Erfaringsforum", its topics and 40-odd threads.

Written for Fagrom (not copied from anywhere). The content lives in data
structures (``spec``: the room and topics; ``threads_*``: the threads, by topic) so it
reads like the forum it becomes; ``seed`` turns it into
rows. Threads are looked up by topic and title, so running it again adds
nothing.

The threads are created directly rather than through ``thread_start`` and
``post_reply`` because those stamp every post with *now*, and a demo forum
needs history spread over the past months. The posts are still rendered by
``forum.markup.render`` and the counters are rebuilt by the same set-based
functions ``manage.py forum_recount`` uses.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from forum import markup
from forum.models import Post, PostRevision, Room, Thread, ThreadRead, Topic
from forum.services import author_snapshot, topics_recount
from people.models import User

from .spec import ROOM, TOPICS, T
from .threads_benefits import BENEFITS
from .threads_follow_up import FOLLOW_UP
from .threads_tools_and_tax import TOOLS_AND_TAX

THREADS: tuple[T, ...] = (*BENEFITS, *FOLLOW_UP, *TOOLS_AND_TAX)


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def _ensure_room_and_topics() -> dict[str, Topic]:
    room, _ = Room.objects.get_or_create(
        slug=ROOM["slug"],
        defaults={"name": ROOM["name"], "kind": ROOM["kind"], "description": ROOM["description"]},
    )
    people = {u.username: u for u in User.objects.filter(username__in=_moderator_usernames())}
    topics = {}
    for position, spec in enumerate(TOPICS, start=1):
        topic, _ = Topic.objects.get_or_create(
            room=room,
            slug=spec.slug,
            defaults={"name": spec.name, "description": spec.description, "position": position},
        )
        topic.moderators.add(*(people[name] for name in spec.moderators))
        topics[spec.slug] = topic
    return topics


def _moderator_usernames() -> set[str]:
    return {name for spec in TOPICS for name in spec.moderators}


def _thread_create(spec: T, topic: Topic, people: dict[str, User], now) -> Thread:
    started = now - timedelta(days=spec.days_ago)
    times = [started + timedelta(hours=p.hours) for p in spec.posts]
    last = spec.posts[-1]
    thread = Thread.objects.create(
        topic=topic,
        title=spec.title,
        kind=spec.kind,
        author=people[spec.posts[0].author],
        created_at=started,
        last_post_at=times[-1],
        last_post_author=people[last.author],
        post_count=len(spec.posts),
        is_pinned=spec.pinned,
        is_locked=spec.locked,
    )
    read_at: dict[str, object] = {}
    for position, (post_spec, at) in enumerate(zip(spec.posts, times, strict=True), start=1):
        post = Post.objects.create(
            thread=thread,
            author=people[post_spec.author],
            **author_snapshot(people[post_spec.author]),
            position=position,
            body=post_spec.body,
            body_html=markup.render(post_spec.body),
            markup_version=markup.MARKUP_VERSION,
            created_at=at,
        )
        if post_spec.earlier:
            edited = at + timedelta(minutes=12)
            PostRevision.objects.create(
                post=post,
                body=post_spec.earlier,
                edited_by=post.author,
                **author_snapshot(post.author),
                created_at=edited,
                was_written_at=at,
            )
            Post.objects.filter(pk=post.pk).update(edited_at=edited, revision_count=1)
        read_at[post_spec.author] = at
    # Whoever wrote in a thread has read it up to their own last post.
    ThreadRead.objects.bulk_create(
        ThreadRead(user=people[name], thread=thread, read_at=at) for name, at in read_at.items()
    )
    return thread


def seed(*, stdout=None) -> None:
    topics = _ensure_room_and_topics()
    authors = {p.author for spec in THREADS for p in spec.posts}
    people = {u.username: u for u in User.objects.filter(username__in=authors)}
    existing = set(
        Thread.objects.filter(topic__in=topics.values()).values_list("topic__slug", "title")
    )
    now = timezone.now()
    created = 0
    for spec in THREADS:
        if (spec.topic, spec.title) in existing:
            continue
        _thread_create(spec, topics[spec.topic], people, now)
        created += 1
    topics_recount(topics=Topic.objects.filter(pk__in=[t.pk for t in topics.values()]))
    _say(stdout, f"  {len(topics)} topics, {created} threads created")
