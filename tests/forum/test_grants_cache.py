"""A person's grants are kept across requests, and every change of them shows on the next request.

``access.grants`` keeps what it reads in the shared cache under a version that room
memberships, guardian rows, rooms, topic moderators and group memberships replace
(access/grants.py). Each test loads a page once (grants cached), changes the grants
the way the code or the admin does, and checks the very next request.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from guardian.shortcuts import assign_perm, remove_perm

import access
from forum import services
from people import services as people_services
from tests.forum.factories import RoomFactory, TopicFactory, add_member
from tests.people.factories import OrgUnitFactory, UserFactory

GRANT_TABLES = ("forum_roomuserobjectpermission", "auth_group", "forum_topic_moderators")


def _grant_queries(ctx) -> list[str]:
    return [q["sql"] for q in ctx.captured_queries if any(t in q["sql"] for t in GRANT_TABLES)]


@pytest.fixture
def secret(db, department):
    room = RoomFactory(name="Prosjekt Ugle", slug="prosjekt-ugle", kind="closed")
    topic = TopicFactory(room=room, name="Ugle-planlegging", slug="planlegging")
    owner = UserFactory(username="romeier", full_name="Rita Romeier", unit=department)
    add_member(room, "owner", user=owner)
    thread = services.thread_start(
        topic=topic, author=owner, title="Hemmelig plan", body="Ugla flyr ved midnatt."
    )
    return room, topic, owner, thread


def _status(client, user, thread) -> int:
    client.force_login(user)
    return client.get(thread.get_absolute_url()).status_code


def test_grants_are_read_once_then_come_from_the_cache(client, case_worker, question):
    client.force_login(case_worker)
    cache.clear()  # posting the question read them already
    with CaptureQueriesContext(connection) as first:
        client.get(question.get_absolute_url())
    with CaptureQueriesContext(connection) as second:
        client.get(question.get_absolute_url())
    assert _grant_queries(first)
    assert not _grant_queries(second)


def test_a_guardian_permission_given_past_the_services_shows_on_the_next_request(
    client, colleague, secret
):
    room, _topic, _owner, thread = secret
    assert _status(client, colleague, thread) == 404
    assign_perm("view_room", colleague, room)
    assert _status(client, colleague, thread) == 200
    remove_perm("view_room", colleague, room)
    assert _status(client, colleague, thread) == 404


def test_a_unit_move_in_and_out_of_a_member_unit_shows_on_the_next_request(client, agency, secret):
    room, _topic, owner, thread = secret
    inside = OrgUnitFactory(name="NAV Innenfor", parent=agency)
    outside = OrgUnitFactory(name="NAV Utenfor", parent=agency)
    add_member(room, "reader", unit=inside, by=owner)
    person = UserFactory(full_name="Per Flytter", unit=outside)
    assert _status(client, person, thread) == 404
    people_services.person_move(user=person, unit=inside)
    assert _status(client, person, thread) == 200
    people_services.person_move(user=person, unit=outside)
    assert _status(client, person, thread) == 404


def test_a_role_and_a_moderated_topic_given_in_the_admin_show_on_the_next_request(
    client, colleague, topic, question
):
    client.force_login(colleague)
    client.get(question.get_absolute_url())
    assert not access.is_moderator(_request_user(client))
    topic.moderators.add(colleague)  # the admin's topic form writes the m2m directly
    assert access.is_moderator(_request_user(client))
    topic.moderators.remove(colleague)
    assert not access.is_moderator(_request_user(client))


def test_a_superuser_flag_is_read_with_the_user_and_never_cached(client, colleague, question):
    client.force_login(colleague)
    client.get(question.get_absolute_url())
    colleague.is_superuser = True
    colleague.save(update_fields=["is_superuser"])
    assert access.is_administrator(_request_user(client))
    colleague.is_superuser = False
    colleague.save(update_fields=["is_superuser"])
    assert not access.is_administrator(_request_user(client))


def _request_user(client):
    """The user as the next request loads it (fresh object, grants from the cache)."""
    from django.contrib.auth import get_user

    request = type("R", (), {"session": client.session})()
    return get_user(request)
