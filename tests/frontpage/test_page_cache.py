"""The cached front page and menu counts: every change shows on the next request, for the
right people only, and a plain re-read costs a few queries (fagrom/generations.py)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fagrom import generations
from forum.models import Notification
from people.services.organisation import person_move
from tests.forum.factories import PostFactory, ThreadFactory, add_member
from tests.people.factories import OrgUnitFactory

# Session, user, grants version + cached grants and both cached parts, the rest of the
# frame: far below the ~20 statements the page costs when it is made.
CACHED_FRONT_PAGE_MAX_QUERIES = 6


def front(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def main(html):
    return html.split("<main", 1)[1].split("</main>", 1)[0]  # the frame has a fresh CSRF token


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def kari(case_worker):
    return logged_in(case_worker)


def test_a_plain_reread_comes_from_the_cache(kari, topic, colleague):
    ThreadFactory(topic=topic, author=colleague, title="Permittering og ferie")
    first, made = front(kari)
    again, reread = front(kari)
    assert main(again) == main(first)
    assert reread <= CACHED_FRONT_PAGE_MAX_QUERIES < made


def test_a_thread_started_over_http_shows_on_the_next_front_page(kari, topic, colleague):
    front(kari)
    response = logged_in(colleague).post(
        reverse("forum:thread_new", args=[topic.room.slug, topic.slug]),
        {"title": "Karensdager ved gradert sykmelding", "kind": "question", "body": "Hvordan?"},
    )
    assert response.status_code == 302, response.content
    html, _ = front(kari)
    assert "Karensdager ved gradert sykmelding" in html


def test_a_change_made_outside_http_through_the_orm_shows_too(kari, topic, colleague):
    thread = ThreadFactory(topic=topic, author=colleague, title="Gammel tittel")
    front(kari)
    thread.title = "Ny tittel fra skallet"
    thread.save(update_fields=["title"])
    html, _ = front(kari)
    assert "Ny tittel fra skallet" in html and "Gammel tittel" not in html


def test_a_finished_background_task_makes_cached_parts_stale(kari, topic, colleague):
    from search.tasks import index_objects

    thread = ThreadFactory(topic=topic, author=colleague, title="Før oppgaven")
    front(kari)
    # A task that wrote with a bulk update (no row signal), as the worker would run it.
    type(thread).objects.filter(pk=thread.pk).update(title="Etter oppgaven")
    assert "Før oppgaven" in front(kari)[0]  # no signal yet: still the cached page
    index_objects.enqueue("forum.thread", [thread.pk])  # any task; run at once in tests
    assert "Etter oppgaven" in front(kari)[0]


def test_losing_a_room_through_a_unit_move_hides_its_thread_at_once(
    closed_topic, case_worker, colleague, department, agency
):
    add_member(closed_topic.room, "member", unit=department)
    ThreadFactory(topic=closed_topic, author=colleague, title="Hemmelig prosjektplan")
    client = logged_in(case_worker)
    assert "Hemmelig prosjektplan" in front(client)[0]
    person_move(user=case_worker, unit=OrgUnitFactory(name="NAV Bergen", parent=agency))
    assert "Hemmelig prosjektplan" not in front(client)[0]


def test_a_language_switch_shows_on_the_next_request(kari, case_worker):
    assert "Nytt der du har tilgang" in front(kari)[0]
    response = kari.post(
        reverse("people:profile_edit"), {"title": "", "language": "en"}, follow=True
    )
    assert response.status_code == 200
    html, _ = front(kari)
    assert "Nytt der du har tilgang" not in html
    assert "New where you have access" in html


def test_each_person_gets_their_own_page_never_another_persons(
    closed_topic, case_worker, colleague
):
    add_member(closed_topic.room, "member", user=colleague)
    ThreadFactory(topic=closed_topic, author=colleague, title="Bare for medlemmer")
    theirs = front(logged_in(colleague))[0]
    mine = front(logged_in(case_worker))[0]
    assert "Bare for medlemmer" in theirs and "Hei, Jonas" in theirs
    assert "Bare for medlemmer" not in mine and "Hei, Kari" in mine


def test_reading_a_thread_refreshes_my_page_and_leaves_others_cached(
    topic, case_worker, colleague, department
):
    from tests.people.factories import UserFactory

    thread = ThreadFactory(topic=topic, author=colleague, title="Meldekort etter ferie")
    PostFactory(thread=thread, author=colleague)
    other = logged_in(UserFactory(username="per", full_name="Per Olsen", unit=department))
    kari = logged_in(case_worker)
    assert "unread-badge" in main(front(kari)[0])
    front(other)
    assert kari.get(thread.get_absolute_url()).status_code == 200  # a GET that writes a mark
    assert "unread-badge" not in main(front(kari)[0])
    _, queries = front(other)
    assert queries <= CACHED_FRONT_PAGE_MAX_QUERIES  # their page did not go stale


def test_the_menu_counts_a_new_notification_and_forgets_it_once_read(
    kari, case_worker, topic, colleague
):
    thread = ThreadFactory(topic=topic, author=colleague)
    html, _ = front(kari)
    assert 'data-count="1"' not in html
    Notification.objects.create(
        user=case_worker, kind="reply", actor=colleague, thread=thread, text="Nytt svar"
    )
    assert 'data-count="1"' in front(kari)[0]
    kari.get(thread.get_absolute_url())  # reading the thread reads what was told about it
    assert 'data-count="1"' not in front(kari)[0]


def test_moderator_queue_count_follows_a_report_and_its_handling(
    topic, moderator, colleague, case_worker
):
    from forum.services.flags import flag_create
    from forum.services.moderation import post_hide

    post = PostFactory(thread=ThreadFactory(topic=topic, author=colleague), author=colleague)
    client = logged_in(moderator)
    before, _ = front(client)
    flag_create(post=post, by=case_worker, reason="Personopplysninger")
    reported, _ = front(client)
    assert reported != before
    post_hide(post=post, by=moderator, reason="Personopplysninger")
    assert front(client)[0] != reported


def test_off_it_keeps_nothing(settings, kari, topic):
    settings.PAGE_CACHE = False
    front(kari)
    _, queries = front(kari)
    assert queries > CACHED_FRONT_PAGE_MAX_QUERIES
    assert not generations.enabled()


def test_topic_rows_are_shared_but_each_reader_gets_their_own_unread_marks(
    topic, case_worker, colleague
):
    thread = ThreadFactory(topic=topic, author=colleague, title="Ferie og dagpenger")
    PostFactory(thread=thread, author=colleague)
    url = reverse("forum:topic", args=[topic.room.slug, topic.slug])
    kari, jonas = logged_in(case_worker), logged_in(colleague)
    kari.get(thread.get_absolute_url())  # Kari has read it
    assert "unread-badge" not in main(kari.get(url).content.decode())
    assert "unread-badge" in main(jonas.get(url).content.decode())  # the rows, kept: his marks
    ThreadFactory(topic=topic, author=colleague, title="Ny tråd i temaet")
    assert "Ny tråd i temaet" in kari.get(url).content.decode()
