"""The thread page's cached post fragments: each change shows on the next request, to the right people only.

The shared part of a post is rendered once and cached (forum/post_html.py); these tests
load the thread page once to fill the cache, change something through the services, and
load it again as the people concerned.
"""

import pickle

import pytest
from django.core.cache import cache
from django.test.utils import override_settings

from forum import services
from forum.models import Post
from forum.services import guidance, moderation
from people import services as people_services
from tests.forum.factories import add_member
from tests.people.factories import OrgUnitFactory, UserFactory

SHARED = "forum/includes/post_shared.html"


def _page(client, user, thread):
    client.force_login(user)
    response = client.get(thread.get_absolute_url())
    assert response.status_code == 200
    return response


def _text(client, user, thread) -> str:
    return _page(client, user, thread).content.decode()


def _shared_renders(response) -> int:
    return sum(1 for t in response.templates if t.name == SHARED)


def _cached_fragments() -> list[str]:
    values = (pickle.loads(value) for value in cache._cache.values())  # locmem keeps pickles
    return [v for v in values if isinstance(v, str) and "post__header" in v]


def test_a_posts_shared_part_is_rendered_once_then_served_from_the_cache(
    client, case_worker, colleague, question
):
    assert _shared_renders(_page(client, case_worker, question)) == 2
    assert _shared_renders(_page(client, case_worker, question)) == 0
    # Another reader gets the same cached parts with their own actions.
    response = _page(client, colleague, question)
    assert _shared_renders(response) == 0
    assert "Rapporter" in response.content.decode()


def test_an_edit_shows_on_the_next_request_for_every_reader(
    client, case_worker, colleague, question, answer
):
    _page(client, case_worker, question)
    services.post_edit(post=answer, by=colleague, body="Nei, bare ved hel permittering.")
    for reader in (case_worker, colleague):
        text = _text(client, reader, question)
        assert "Nei, bare ved hel permittering." in text
        assert "forvaltningsloven § 17" not in text


def test_a_removed_post_shows_the_notice_and_its_text_only_to_author_and_moderator(
    client, case_worker, colleague, moderator, question, answer
):
    _page(client, case_worker, question)  # the visible post is now cached
    moderation.post_hide(post=answer, by=moderator, reason="Feil svar")
    reader = _text(client, case_worker, question)
    assert "Fjernet av moderator" in reader and "Feil svar" in reader
    assert "forvaltningsloven § 17" not in reader
    for allowed in (colleague, moderator):  # the author and the topic's moderator
        assert "forvaltningsloven § 17" in _text(client, allowed, question)
    # The reader who loaded the page after them still gets no text, from the cache.
    assert "forvaltningsloven § 17" not in _text(client, case_worker, question)
    # Nothing cached for the hidden post holds its text.
    hidden = [f for f in _cached_fragments() if "Feil svar" in f]
    assert hidden and not any("forvaltningsloven" in f for f in hidden)
    # Nor does anything else in the cache (the page's kept post rows included), although
    # its author and a moderator have just read the text.
    assert any(key.endswith(f"thread-posts:{question.pk}:1:20") for key in cache._cache)
    leaking = [k for k, raw in cache._cache.items() if "forvaltningsloven § 17".encode() in raw]
    assert leaking == []


def test_a_restored_post_shows_its_text_to_everyone_again(
    client, case_worker, moderator, question, answer
):
    moderation.post_hide(post=answer, by=moderator, reason="Feil svar")
    assert "forvaltningsloven § 17" not in _text(client, case_worker, question)
    answer.refresh_from_db()
    moderation.post_restore(post=answer, by=moderator)
    text = _text(client, case_worker, question)
    assert "forvaltningsloven § 17" in text and "Fjernet av moderator" not in text


def test_verification_and_an_accepted_answer_show_on_the_next_request(
    client, case_worker, moderator, question, answer
):
    text = _text(client, case_worker, question)
    assert "Kvalitetssikret" not in text and "Godtatt svar" not in text
    moderation.post_verify(post=answer, by=moderator)
    question.refresh_from_db()
    guidance.answer_accept(thread=question, post=Post.objects.get(pk=answer.pk), by=case_worker)
    text = _text(client, case_worker, question)
    assert "Kvalitetssikret" in text and moderator.get_full_name() in text
    assert "Godtatt svar" in text


def test_an_authors_move_keeps_old_posts_as_written_and_shows_the_new_unit_on_new_posts(
    client, case_worker, colleague, question
):
    before = _text(client, case_worker, question)
    old_unit = colleague.org_unit.name
    assert old_unit in before and "NAV Stavanger" not in before
    people_services.person_move(user=colleague, unit=OrgUnitFactory(name="NAV Stavanger"))
    after_move = _text(client, case_worker, question)
    assert "NAV Stavanger" not in after_move  # a post keeps its workplace as at posting
    services.post_reply(thread=question, author=colleague, body="Svar fra den nye enheten.")
    assert "NAV Stavanger" in _text(client, case_worker, question)


def test_each_reader_gets_the_posts_in_their_own_language(client, case_worker, colleague, question):
    people_services.user_language_set(user=colleague, language="en")
    norwegian = _text(client, case_worker, question)
    english = _text(client, colleague, question)
    assert 'aria-label="Innlegg 1"' in norwegian and 'aria-label="Post 1"' not in norwegian
    assert 'aria-label="Post 1"' in english and 'aria-label="Innlegg 1"' not in english
    # Switching back shows Norwegian again at once.
    client.post("/i18n/setlang/", {"language": "nb", "next": "/"})
    assert 'aria-label="Innlegg 1"' in client.get(question.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_removal_from_a_closed_room_ends_access_on_the_next_request(
    client, closed_room, closed_topic, department
):
    owner = UserFactory(full_name="Rita Romeier", unit=department)
    member = UserFactory(full_name="Mette Medlem", unit=department)
    add_member(closed_room, "owner", user=owner)
    membership = add_member(closed_room, "member", user=member)
    thread = services.thread_start(
        topic=closed_topic, author=owner, title="Hemmelig plan", body="Ugla flyr ved midnatt."
    )
    assert "Ugla flyr" in _text(client, member, thread)
    from forum.services import rooms

    rooms.room_member_remove(membership=membership, by=owner)
    client.force_login(member)
    response = client.get(thread.get_absolute_url())
    assert response.status_code == 404
    assert "Ugla flyr" not in response.content.decode()


@pytest.mark.django_db
def test_a_unit_added_to_a_closed_room_lets_its_people_in_on_the_next_request(
    client, closed_room, closed_topic, department, agency
):
    owner = UserFactory(full_name="Rita Romeier", unit=department)
    add_member(closed_room, "owner", user=owner)
    newcomer = UserFactory(full_name="Nils Ny", unit=OrgUnitFactory(name="NAV Ny", parent=agency))
    thread = services.thread_start(
        topic=closed_topic, author=owner, title="Hemmelig plan", body="Ugla flyr ved midnatt."
    )
    client.force_login(newcomer)
    assert client.get(thread.get_absolute_url()).status_code == 404
    from forum.services import rooms

    rooms.room_member_add(room=closed_room, by=owner, role="reader", unit=newcomer.org_unit)
    assert "Ugla flyr" in _text(client, newcomer, thread)


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_the_page_is_the_same_without_a_cache(client, case_worker, moderator, question, answer):
    moderation.post_hide(post=answer, by=moderator, reason="Feil svar")
    text = _text(client, moderator, question)
    assert "forvaltningsloven § 17" in text and "Fjernet av moderator" in text


def test_a_removal_leaves_no_kept_page_with_the_text_in_any_language(
    client, case_worker, colleague, moderator, question, answer
):
    people_services.user_language_set(user=colleague, language="en")
    _page(client, case_worker, question)
    _page(client, colleague, question)  # the page's parts kept in both languages
    moderation.post_hide(post=answer, by=moderator, reason="Feil svar")
    leaking = [k for k, raw in cache._cache.items() if "forvaltningsloven § 17".encode() in raw]
    assert leaking == []
