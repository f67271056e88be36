"""The front page: sections for everyone, panels only for their roles, a fixed query bound."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

import access
from forum.models import Room, RoomUserObjectPermission, Thread, Topic
from forum.models.rooms import ROOM_CODENAMES
from tests.forum.factories import PostFactory, RoomFactory, ThreadFactory, add_member
from tests.people.factories import UserFactory


def home(client, user):
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_answers_to_my_questions_show_only_my_questions_with_replies_from_others(
    client, topic, case_worker, colleague
):
    answered = ThreadFactory(topic=topic, author=case_worker, kind="question", title="Karensdager?")
    PostFactory(thread=answered, author=colleague)
    talking_to_myself = ThreadFactory(
        topic=topic, author=case_worker, kind="question", title="Bare meg selv"
    )
    PostFactory(thread=talking_to_myself, author=case_worker)
    theirs = ThreadFactory(topic=topic, author=colleague, kind="question", title="Jonas spør")
    PostFactory(thread=theirs, author=case_worker)
    html = home(client, case_worker)
    panel = html.split('id="panel-answers"')[1].split("</section>")[0]
    assert "Karensdager?" in panel
    assert "Bare meg selv" not in panel and "Jonas spør" not in panel


def test_answers_panel_drops_questions_in_a_room_i_no_longer_see(
    client, closed_topic, case_worker, colleague
):
    add_member(closed_topic.room, "member", user=colleague)
    membership = add_member(closed_topic.room, "member", user=case_worker)
    question = ThreadFactory(
        topic=closed_topic, author=case_worker, kind="question", title="Hemmelig spørsmål"
    )
    PostFactory(thread=question, author=colleague)
    assert "Hemmelig spørsmål" in home(client, case_worker)
    from forum.services import room_member_remove

    room_member_remove(membership=membership, by=None)
    assert "Hemmelig spørsmål" not in home(client, case_worker)


def test_feed_lists_only_what_i_may_see_and_paginates(
    client, topic, closed_topic, case_worker, colleague, settings
):
    settings.FRONT_PAGE_FEED_SIZE = 3
    for i in range(4):
        ThreadFactory(topic=topic, author=colleague, title=f"Åpen tråd {i}")
    ThreadFactory(topic=closed_topic, author=colleague, title="Lukket tråd")
    first = home(client, case_worker)
    assert "Lukket tråd" not in first
    assert 'rel="next"' in first
    second = client.get(reverse("home"), {"page": 2}).content.decode()
    assert "Åpen tråd 0" in second and "Lukket tråd" not in second


def test_role_panels_are_hidden_from_people_without_roles(client, topic, case_worker):
    html = home(client, case_worker)
    assert 'id="roles-heading"' not in html
    assert 'id="panel-room-changes"' not in html


def test_room_owner_sees_membership_changes_made_by_others(
    client, closed_room, room_owner, colleague, administrator, case_worker
):
    add_member(closed_room, "member", user=colleague, by=administrator)
    add_member(closed_room, "member", user=case_worker, by=room_owner)
    html = home(client, room_owner)
    panel = html.split('id="panel-room-changes"')[1].split("</section>")[0]
    assert "Jonas Berg" in panel  # added by the administrator
    assert "Kari Nordmann" not in panel  # the owner's own change is not news to them
    # A plain member of the room gets no panel.
    assert 'id="panel-room-changes"' not in home(client, colleague)


# The query bound --------------------------------------------------------------------------

# 34: the handbook panels read the pages' privacy (Wagtail view restrictions) once per request.
FRONT_PAGE_MAX_QUERIES = 30


@pytest.fixture
def person_with_every_role(department, administrator, journal_page, page_owner):
    """500 closed rooms (owner of all), 200 followed threads (old open questions), 50
    followed and moderated topics, moderator, handbook editor and records officer, with
    something in every panel."""
    import datetime

    from django.contrib.auth.models import Group
    from django.utils import timezone

    from archive.models import DisposalList
    from forum.models import Escalation, Flag, Follow, Notification
    from tests.archive.factories import nominate
    from tests.handbook.factories import draft

    person = UserFactory(username="allroller", full_name="Alle Roller", unit=department)
    for name in (access.HANDBOOK_EDITORS, access.RECORDS_OFFICERS):
        person.groups.add(Group.objects.get_or_create(name=name)[0])
    author = UserFactory(unit=department)
    rooms = Room.objects.bulk_create(
        Room(name=f"Rom {i:03d}", slug=f"rom-{i:03d}", kind="closed") for i in range(500)
    )
    topics = Topic.objects.bulk_create(
        Topic(room=room, name=f"Tema {room.slug}", slug="tema") for room in rooms
    )
    for topic in topics[:50]:
        topic.moderators.add(person)
    old = timezone.now() - datetime.timedelta(days=20)
    threads = Thread.objects.bulk_create(
        Thread(
            topic=topics[i % 500],
            title=f"Tråd {i}",
            author=author,
            kind="question",
            created_at=old,
            last_post_at=old,
        )
        for i in range(200)
    )
    Follow.objects.bulk_create(Follow(user=person, thread=t) for t in threads)
    Follow.objects.bulk_create(Follow(user=person, topic=t) for t in topics[:50])
    perms = Permission.objects.filter(codename__in=ROOM_CODENAMES)
    RoomUserObjectPermission.objects.bulk_create(
        RoomUserObjectPermission(user=person, permission=perm, content_object=room)
        for room in rooms
        for perm in perms
    )
    own = RoomFactory(name="Eget rom", slug="eget-rom", kind="closed")
    add_member(own, "owner", user=person)
    add_member(own, "member", user=author, by=administrator)
    mine = ThreadFactory(topic=topics[0], author=person, kind="question", title="Mitt spørsmål")
    reply = PostFactory(thread=mine, author=author)
    Notification.objects.bulk_create(
        Notification(user=person, kind="reply", thread=t, text=f"Svar i {t.title}")
        for t in threads[:20]
    )
    flagged = PostFactory(thread=threads[1], author=author)
    Flag.objects.create(post=flagged, reporter=administrator, reason="Sjekk")
    Escalation.objects.create(thread=threads[2], raised_by=person, to_unit=department, note="Se")
    nominate(threads[3], person)
    DisposalList.objects.create()
    draft(journal_page, by=author)
    journal_page.get_workflow().start(journal_page, author)
    return person, threads, reply


def test_front_page_stays_within_a_fixed_query_bound_for_every_role_and_500_rooms(
    client, person_with_every_role, django_assert_max_num_queries
):
    person, _threads, _reply = person_with_every_role
    client.force_login(person)
    with django_assert_max_num_queries(FRONT_PAGE_MAX_QUERIES):
        response = client.get(reverse("home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mitt spørsmål" in html and 'id="panel-room-changes"' in html
    for key in (
        "notifications",
        "followed",
        "overdue-questions",
        "flags",
        "escalations",
        "handbook-approvals",
        "nominations",
        "disposals",
    ):
        assert f'id="panel-{key}"' in html, key
    assert "Tråd 1" in html  # followed threads and overdue questions have rows
    with django_assert_max_num_queries(FRONT_PAGE_MAX_QUERIES):
        assert client.get(reverse("home"), {"page": 3}).status_code == 200


def test_statistics_link_only_for_moderators_and_administrators(
    client, case_worker, moderator, administrator
):
    url = reverse("forum:statistics")
    assert url not in home(client, case_worker)
    assert url in home(client, moderator) and url in home(client, administrator)


# What the front page counts once --------------------------------------------------------

# 20 with a short list of notifications (one of them reads the handbook's page privacy);
# the panel counts a full one (+1), the menu reuses that count.
CASE_WORKER_FRONT_PAGE_MAX_QUERIES = 21


@pytest.mark.parametrize("n_unread", [0, 2, 7])
def test_menu_shows_the_unread_count_the_front_page_panel_counted(
    client, topic, case_worker, colleague, n_unread, django_assert_max_num_queries
):
    from forum.models import Notification

    thread = ThreadFactory(topic=topic, author=colleague)
    for i in range(n_unread):
        Notification.objects.create(
            user=case_worker, kind="reply", actor=colleague, thread=thread, text=f"Svar {i}"
        )
    client.force_login(case_worker)
    with django_assert_max_num_queries(CASE_WORKER_FRONT_PAGE_MAX_QUERIES):
        html = client.get(reverse("home")).content.decode()
    assert (f'data-count="{n_unread}"' in html) == bool(n_unread)  # the menu's badge
    if n_unread > 5:
        assert f"({n_unread})" in html  # the panel's own count
