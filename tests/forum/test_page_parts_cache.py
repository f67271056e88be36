"""The thread and topic pages' kept parts: each change shows on the next request, to the right
people only.

Besides the posts (tests/forum/test_post_cache.py), the thread page keeps the thread's row,
its clarifications and the moderators' notes, and the topic page its rows (as HTML) and its
moderators (fagrom/generations.py); the frame's fixed links and labels are kept per language
(``{% kept %}``), and an empty form field is rendered once (``{% form_field %}``). Each test
loads a page once to fill what is kept, changes something the way the application does, and
loads it again as the people concerned.
"""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from fagrom import generations
from forum.models import Thread
from forum.services import moderation
from people import services as people_services
from tests.forum.factories import ThreadFactory, TopicFactory, add_member
from tests.people.factories import UserFactory


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _get(client, url, status=200) -> str:
    response = client.get(url)
    assert response.status_code == status
    return response.content.decode()


def _topic_url(topic):
    return reverse("forum:topic", args=[topic.room.slug, topic.slug])


# The thread page ---------------------------------------------------------------------------


def test_a_thread_moved_into_a_closed_room_is_gone_for_a_non_member_on_the_next_request(
    case_worker, question, closed_topic
):
    reader = _client(case_worker)
    assert "Karensdager ved permittering" in _get(reader, question.get_absolute_url())
    question.topic = closed_topic  # as the admin would: the kept row is stale now
    question.save(update_fields=["topic"])
    assert "Karensdager" not in _get(reader, question.get_absolute_url(), status=404)


def test_a_member_added_to_the_closed_room_sees_the_kept_thread_at_once(
    closed_room, closed_topic, case_worker, colleague
):
    add_member(closed_room, "owner", user=colleague)
    thread = ThreadFactory(topic=closed_topic, author=colleague, title="Ugle-møtet")
    _get(_client(colleague), thread.get_absolute_url())  # kept by a member
    outsider = _client(case_worker)
    _get(outsider, thread.get_absolute_url(), status=404)
    add_member(closed_room, "member", user=case_worker, by=colleague)
    assert "Ugle-møtet" in _get(outsider, thread.get_absolute_url())


def test_what_a_member_filled_in_stays_closed_to_an_outsider_on_every_surface(
    closed_room, closed_topic, case_worker, colleague
):
    """The kept thread row, topic rows and post parts come from a member's requests; an
    outsider asking for the same thread, topic, a later page or a search gets none of it."""
    add_member(closed_room, "owner", user=colleague)
    thread = ThreadFactory(topic=closed_topic, author=colleague, title="Ugle-møtet")
    member = _client(colleague)
    for url in (thread.get_absolute_url(), _topic_url(closed_topic)):
        assert "Ugle-møtet" in _get(member, url)
    outsider = _client(case_worker)
    for url in (
        thread.get_absolute_url(),
        f"{thread.get_absolute_url()}?page=1",
        _topic_url(closed_topic),
    ):
        assert "Ugle-møtet" not in _get(outsider, url, status=404)
    assert "Ugle-møtet" not in _get(outsider, f"{reverse('search:results')}?q=ugle")


def test_a_rename_and_a_lock_show_on_the_next_request(case_worker, moderator, question):
    reader = _client(case_worker)
    _get(reader, question.get_absolute_url())
    moderation.thread_rename(thread=question, by=moderator, title="Nytt navn på tråden")
    moderation.thread_set_flags(thread=question, by=moderator, locked=True)
    html = _get(reader, question.get_absolute_url())
    header = html.split('<header class="thread__header">')[1].split("</header>")[0]
    crumbs = html.split('class="ds-breadcrumbs"')[1].split("</nav>")[0]
    assert "Nytt navn på tråden" in header and "Karensdager" not in header
    assert "Nytt navn på tråden" in crumbs and "Karensdager" not in crumbs
    assert "Låst" in header


def test_a_reply_moves_the_kept_header_count_for_every_reader(case_worker, colleague, question):
    kari, jonas = _client(case_worker), _client(colleague)
    assert "2 innlegg" in _get(kari, question.get_absolute_url())
    from forum.services import post_reply

    post_reply(thread=question, author=colleague, body="Et tillegg.")
    for client in (kari, jonas):
        header = _get(client, question.get_absolute_url()).split("</header>", 2)[1]
        assert "3 innlegg" in header and "2 innlegg" not in header


def test_a_topics_new_description_shows_on_the_next_request(case_worker, topic):
    reader = _client(case_worker)
    _get(reader, _topic_url(topic))
    topic.description = "Alt om dagpenger under permittering."
    topic.save(update_fields=["description"])
    assert "Alt om dagpenger under permittering." in _get(reader, _topic_url(topic))


def test_the_readers_own_state_is_theirs_not_the_first_readers(
    client, case_worker, colleague, question
):
    _get(_client(colleague), question.get_absolute_url())  # kept by Jonas
    kari = _client(case_worker)
    kari.post(reverse("forum:thread_bookmark", args=[question.pk]))
    assert 'aria-pressed="true">Fjern bokmerke' in _get(kari, question.get_absolute_url())
    assert 'aria-pressed="false">Bokmerk' in _get(_client(colleague), question.get_absolute_url())


def test_a_new_clarification_shows_on_the_next_request_in_each_readers_language(
    case_worker, colleague, moderator, question
):
    people_services.user_language_set(user=colleague, language="en")
    kari, jonas = _client(case_worker), _client(colleague)
    _get(kari, question.get_absolute_url())
    _get(jonas, question.get_absolute_url())
    moderation.clarification_create(
        thread=question,
        by=moderator,
        title="Slik regnes fristen",
        body="Fristen regnes fra vedtaksdato.",
        valid_from=datetime.date(2026, 1, 1),
    )
    norwegian = _get(kari, question.get_absolute_url())
    english = _get(jonas, question.get_absolute_url())
    assert "Slik regnes fristen" in norwegian and "Presiseringer fra moderator" in norwegian
    assert "Slik regnes fristen" in english and "Clarifications from a moderator" in english
    assert "Presiseringer fra moderator" not in english


def test_a_moderator_note_shows_to_moderators_on_the_next_request_and_never_to_others(
    case_worker, moderator, second_moderator, question
):
    mod, other_mod, reader = _client(moderator), _client(second_moderator), _client(case_worker)
    for client in (mod, other_mod, reader):
        _get(client, question.get_absolute_url())
    moderation.moderator_note_add(thread=question, by=moderator, body="Sjekk praksis i Bergen.")
    assert "Sjekk praksis i Bergen." in _get(other_mod, question.get_absolute_url())
    assert "Sjekk praksis i Bergen." in _get(mod, question.get_absolute_url())
    assert "Sjekk praksis i Bergen." not in _get(reader, question.get_absolute_url())


def test_the_empty_reply_form_is_kept_but_a_quote_is_each_readers_own(
    case_worker, colleague, question, answer
):
    people_services.user_language_set(user=colleague, language="en")
    kari, jonas = _client(case_worker), _client(colleague)
    assert "Ditt svar" in _get(kari, question.get_absolute_url())
    assert "Your reply" in _get(jonas, question.get_absolute_url())
    quoted = _get(kari, f"{question.get_absolute_url()}?quote={answer.pk}")
    assert "forvaltningsloven § 17" in quoted.split('id="reply-heading"')[1]
    plain = _get(kari, question.get_absolute_url())
    assert "forvaltningsloven § 17" not in plain.split('id="reply-heading"')[1]


# The frame ---------------------------------------------------------------------------------


def test_the_kept_frame_is_in_each_readers_language_and_holds_nothing_of_theirs(
    case_worker, colleague, question
):
    people_services.user_language_set(user=colleague, language="en")
    kari, jonas = _client(case_worker), _client(colleague)
    norwegian = _get(kari, question.get_absolute_url())
    english = _get(jonas, question.get_absolute_url())
    assert "Logg ut" in norwegian and "Log out" not in norwegian
    assert "Log out" in english and "Logg ut" not in english
    kari_menu, jonas_menu = norwegian.split("</header>")[0], english.split("</header>")[0]
    assert case_worker.get_full_name() in kari_menu and colleague.get_full_name() not in kari_menu
    assert colleague.get_full_name() in jonas_menu and case_worker.get_full_name() not in jonas_menu
    # Each page's forms carry that session's own CSRF token.
    for client, html in ((kari, norwegian), (jonas, english)):
        assert client.cookies["csrftoken"].value
        assert html.count('name="csrfmiddlewaretoken"') >= 3


def test_the_moderator_menu_stays_with_moderators(case_worker, moderator, question):
    assert "Moderatorkø" in _get(_client(moderator), question.get_absolute_url())
    assert "Moderatorkø" not in _get(_client(case_worker), question.get_absolute_url())


# The topic page ----------------------------------------------------------------------------


def test_topic_rows_show_a_rename_and_a_move_on_the_next_request(
    case_worker, moderator, topic, question
):
    reader = _client(case_worker)
    other = TopicFactory(room=topic.room, name="Sykepenger", slug="sykepenger")
    other.moderators.add(moderator)
    assert question.title in _get(reader, _topic_url(topic))
    moderation.thread_rename(thread=question, by=moderator, title="Omdøpt spørsmål")
    assert "Omdøpt spørsmål" in _get(reader, _topic_url(topic))
    moderation.thread_move(thread=question, to_topic=other, by=moderator)
    assert "Omdøpt spørsmål" not in _get(reader, _topic_url(topic))
    assert "Omdøpt spørsmål" in _get(reader, _topic_url(other))


def test_topic_rows_are_in_each_readers_language_with_their_own_unread_marks(
    case_worker, department, topic
):
    reader = UserFactory(full_name="Erik English", unit=department)
    people_services.user_language_set(user=reader, language="en")
    question = ThreadFactory(topic=topic, kind="question", title="Et nytt spørsmål")
    kari, jonas = _client(case_worker), _client(reader)
    _get(kari, question.get_absolute_url())  # Kari has read it; Erik has not
    norwegian = _get(kari, _topic_url(topic))
    english = _get(jonas, _topic_url(topic))
    assert ">Spørsmål<" in norwegian and ">Question<" not in norwegian
    assert ">Question<" in english and ">Spørsmål<" not in english
    assert "unread-badge" not in norwegian and 'class="is-unread"' not in norwegian
    assert "unread-badge" in english and 'class="is-unread"' in english
    assert "<!--" not in norwegian.split("<tbody>")[1].split("</tbody>")[0]


def test_a_title_with_markup_and_the_marker_text_is_escaped_in_the_kept_rows(case_worker, topic):
    ThreadFactory(topic=topic, title="<!--unread-badge--> <b>fet</b>")
    html = _get(_client(case_worker), _topic_url(topic))
    assert "&lt;!--unread-badge--&gt; &lt;b&gt;fet&lt;/b&gt;" in html
    assert "<b>fet</b>" not in html


def test_a_new_topic_moderator_shows_on_the_next_request(case_worker, topic):
    reader = _client(case_worker)
    _get(reader, _topic_url(topic))
    topic.moderators.add(UserFactory(full_name="Nina Ny-Moderator"))
    assert "Nina Ny-Moderator" in _get(reader, _topic_url(topic))


# Generations: one round trip per page ------------------------------------------------------


@pytest.mark.django_db
def test_a_prefetched_part_is_made_again_after_a_change_in_the_same_request(case_worker):
    token = generations._request_memo.set({})
    try:
        generations.cached("part", make=lambda: "før")
        generations.prefetch(["part"])
        assert generations.cached("part", make=lambda: "ny") == "før"
        generations.content_changed()  # a write in this request
        assert generations.cached("part", make=lambda: "etter") == "etter"
        generations.cached("mine", user=case_worker, make=lambda: 1)
        generations.reader_changed(case_worker)
        assert generations.cached("mine", user=case_worker, make=lambda: 2) == 2
    finally:
        generations._request_memo.reset(token)
    # Outside the request, the cache itself has the latest part.
    assert generations.cached("part", make=lambda: "igjen") == "etter"


def test_the_kept_thread_row_holds_no_password_hash(case_worker, question):
    from django.core.cache import cache

    _get(_client(case_worker), question.get_absolute_url())
    stamp, row = cache.get(f"thread-row:{question.pk}")
    assert isinstance(row, Thread)
    assert "password" not in row.author.__dict__


def _rendered(response) -> set[str]:
    return {t.name for t in response.templates}


def test_the_kept_parts_are_made_once_and_then_served_to_every_reader(
    case_worker, colleague, topic, question
):
    kari, jonas = _client(case_worker), _client(colleague)  # logging in is a write
    assert "forum/includes/topic_rows.html" in _rendered(kari.get(_topic_url(topic)))
    assert "forum/includes/topic_rows.html" not in _rendered(jonas.get(_topic_url(topic)))
    first = kari.get(question.get_absolute_url())
    assert "forum/includes/thread_clarifications.html" in _rendered(first)
    jonas.get(question.get_absolute_url())  # his read mark moves: only his generation
    again = jonas.get(question.get_absolute_url())
    assert "forum/includes/thread_clarifications.html" not in _rendered(again)
    assert "includes/field.html" not in _rendered(again)  # the empty reply form, kept


def test_a_posts_files_are_listed_on_every_kept_reread_and_a_new_file_on_the_next(
    case_worker, colleague, question
):
    from forum.services import post_reply
    from tests.forum.files import PDF, upload

    post_reply(
        thread=question, author=colleague, body="Se vedlegg.", attachments=[upload("a.pdf", PDF)]
    )
    kari, jonas = _client(case_worker), _client(colleague)
    for client in (kari, jonas, kari):  # made, then kept
        assert "a.pdf" in _get(client, question.get_absolute_url())
    post_reply(
        thread=question, author=colleague, body="En til.", attachments=[upload("b.pdf", PDF)]
    )
    html = _get(kari, question.get_absolute_url())
    assert "a.pdf" in html and "b.pdf" in html


def test_each_page_of_a_thread_gets_its_own_kept_page_links(settings, case_worker, question):
    from forum.services import post_reply

    settings.POSTS_PER_PAGE = 2
    for n in range(3):
        post_reply(thread=question, author=case_worker, body=f"Tillegg {n}.")
    reader = _client(case_worker)
    url = question.get_absolute_url()
    for page in ("1", "2", "3", "1"):
        html = _get(reader, f"{url}?page={page}")
        pagination = html.split('class="ds-pagination"')[1].split("</nav>")[0]
        assert f'href="?page={page}" aria-current="page"' in pagination
