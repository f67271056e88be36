"""Forum threads in search: removed posts, boosts, and re-indexing from the moderation services."""

import datetime as dt

from forum import search as forum_search
from forum.models import Room
from forum.services import room_search_refresh, topics_recount
from forum.services.moderation import (
    clarification_create,
    post_hide,
    post_restore,
    post_verify,
    thread_move,
)
from search.documents import SearchQuery
from search.services import search_run
from tests.forum.factories import TopicFactory
from tests.search.conftest import thread


def titles(user, q, backend=None):
    return [h.title for h in search_run(user=user, query=SearchQuery(q), backend=backend).hits]


def test_removed_post_is_not_findable_until_restored(
    topic, case_worker, moderator, django_capture_on_commit_callbacks
):
    t = thread(topic, "Ferie", "Når kan jeg ta ferie?", "Kontakt Kolbeinsen direkte, han er slem.")
    forum_search_rebuild()
    assert titles(case_worker, "kolbeinsen") == ["Ferie"]
    reply = t.posts.get(position=2)
    with django_capture_on_commit_callbacks(execute=True):
        post_hide(post=reply, by=moderator, reason="Personangrep")
    assert titles(case_worker, "kolbeinsen") == []
    assert titles(moderator, "kolbeinsen") == []  # the index never holds removed text
    assert titles(case_worker, "ferie") == ["Ferie"]
    with django_capture_on_commit_callbacks(execute=True):
        post_restore(post=reply, by=moderator)
    assert titles(case_worker, "kolbeinsen") == ["Ferie"]


def test_verified_answer_ranks_above_an_otherwise_equal_thread(
    backend, topic, case_worker, moderator
):
    # The answered thread is the older one: on equal text the newer would come first.
    answered = thread(topic, "Feriepenger B", "Feriepenger?", "Feriepenger beregnes av grunnlaget.")
    plain = thread(topic, "Feriepenger A", "Feriepenger?", "Feriepenger beregnes av grunnlaget.")
    backend.rebuild(forum_search.documents())
    assert titles(case_worker, "feriepenger", backend) == [plain.title, answered.title]
    post_verify(post=answered.posts.get(position=2), by=moderator)
    backend.rebuild(forum_search.documents())
    assert titles(case_worker, "feriepenger", backend) == [answered.title, plain.title]


def test_clarification_is_findable_and_raises_its_thread(backend, topic, case_worker, moderator):
    clarified = thread(topic, "Karensdager B", "Hvor mange karensdager?")
    plain = thread(topic, "Karensdager A", "Hvor mange karensdager?")
    clarification_create(
        thread=clarified,
        by=moderator,
        title="Presisering om egenmelding",
        body="Karensdager gjelder ikke ved gradert sykmelding.",
        valid_from=dt.date(2026, 1, 1),
    )
    backend.rebuild(forum_search.documents())
    assert titles(case_worker, "karensdager", backend) == [clarified.title, plain.title]
    assert titles(case_worker, "egenmelding", backend) == [clarified.title]


def test_thread_moved_to_a_closed_room_leaves_non_members_results(
    topic, case_worker, moderator, closed_topic, django_capture_on_commit_callbacks
):
    t = thread(topic, "Omstilling", "Nytt kontor i Stavanger.")
    forum_search_rebuild()
    assert titles(case_worker, "stavanger") == ["Omstilling"]
    from guardian.shortcuts import assign_perm

    import access

    assign_perm("moderate_room", moderator, closed_topic.room)
    assign_perm("view_room", moderator, closed_topic.room)
    access.forget(moderator)
    topics_recount()  # the factories leave the counters at zero
    with django_capture_on_commit_callbacks(execute=True):
        thread_move(thread=t, to_topic=closed_topic, by=moderator, confirm_access_change=True)
    assert titles(case_worker, "stavanger") == []


def test_room_made_closed_is_reindexed_for_its_new_principals(
    case_worker, django_capture_on_commit_callbacks
):
    room = Room.objects.create(name="Prosjekt", slug="prosjekt", kind=Room.Kind.OPEN)
    thread(TopicFactory(room=room), "Prosjektplan", "Milepæler for prosjektet.")
    forum_search_rebuild()
    assert titles(case_worker, "milepæler") == ["Prosjektplan"]
    Room.objects.filter(pk=room.pk).update(kind=Room.Kind.CLOSED)
    room.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        room_search_refresh(room=room)
    assert titles(case_worker, "milepæler") == []


def forum_search_rebuild():
    from search.backends import get_backend

    get_backend().rebuild(forum_search.documents())
