"""Fixtures for the moderation, guidance and listening tests (issue 4)."""

import pytest
from guardian.shortcuts import assign_perm

from forum.services import post_reply, thread_start
from tests.forum.factories import RoomFactory, TopicFactory
from tests.people.factories import UserFactory


@pytest.fixture
def sykepenger(open_room):
    return TopicFactory(room=open_room, name="Sykepenger", slug="sykepenger")


@pytest.fixture
def sykepenger_moderator(sykepenger, department):
    user = UserFactory(username="siri", full_name="Siri Sykepenger", unit=department)
    sykepenger.moderators.add(user)
    return user


@pytest.fixture
def second_moderator(topic, department):
    """Another moderator of Dagpenger, to handle the first moderator's own posts."""
    user = UserFactory(username="mona", full_name="Mona Moderator", unit=department)
    topic.moderators.add(user)
    return user


@pytest.fixture
def question(topic, case_worker, colleague):
    """Kari asks in Dagpenger; Jonas answers."""
    thread = thread_start(
        topic=topic,
        author=case_worker,
        title="Karensdager ved permittering",
        body="Gjelder ftrl. § 4-3 også ved delvis permittering?",
        kind="question",
    )
    post_reply(thread=thread, author=colleague, body="Ja, se forvaltningsloven § 17.")
    thread.refresh_from_db()
    return thread


@pytest.fixture
def answer(question):
    return question.posts.get(position=2)


@pytest.fixture
def closed_room_world(db, department):
    """A closed room with a moderated topic, a member and a non-member."""
    room = RoomFactory(name="Prosjekt Ugle", slug="prosjekt-ugle", kind="closed")
    topic = TopicFactory(room=room, name="Ugle-planlegging", slug="planlegging")
    member = UserFactory(username="medlem", full_name="Mette Medlem", unit=department)
    mod = UserFactory(username="romstyrer", full_name="Rolf Romstyrer", unit=department)
    outsider = UserFactory(username="utenfor", full_name="Ulf Utenfor", unit=department)
    for user in (member, mod):
        assign_perm("view_room", user, room)
        assign_perm("post_in_room", user, room)
    topic.moderators.add(mod)
    return room, topic, member, mod, outsider
