"""Notifications are shown in the reader's language (page, front page, e-mail), fall back to
their stored text, and are marked read by a POST (or by reading the thread), never by a GET."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from forum.models import Notification
from forum.services import listening
from forum.services.ideas import idea_set_status
from forum.services.moderation import post_verify
from forum.tasks import fan_out
from tests.forum.factories import ThreadFactory
from tests.frontpage.helpers import home, panel

NB = "Ola Hansen kvalitetssikret svaret ditt i «Karensdager ved permittering»"
EN = "Ola Hansen verified your answer in “Karensdager ved permittering”"


def _speaks(user, language, email=""):
    user.language = language
    user.email = email or user.email
    user.save(update_fields=["language", "email"])
    return user


def _open_url(n):
    return reverse("forum:notification_open", args=[n.pk])


# The reader's language --------------------------------------------------------------------


@pytest.mark.parametrize(("language", "expected", "other"), [("en", EN, NB), ("nb", NB, EN)])
def test_notification_is_shown_in_the_readers_language_on_the_page_and_front_page(
    client, moderator, answer, language, expected, other
):
    _speaks(moderator, "nb")  # the actor reads Norwegian
    author = _speaks(answer.author, language)
    post_verify(post=answer, by=moderator)

    client.force_login(author)
    page = client.get(reverse("forum:notifications")).content.decode()
    assert expected in page and other not in page
    front = panel(home(client, author), "notifications")
    assert expected in front and other not in front


@pytest.mark.parametrize(("language", "expected", "other"), [("en", EN, NB), ("nb", NB, EN)])
def test_notification_e_mail_body_and_subject_are_in_the_recipients_language(
    moderator, answer, django_capture_on_commit_callbacks, language, expected, other
):
    _speaks(moderator, "nb")
    author = _speaks(answer.author, language, email="jonas@example.no")
    listening.listening_settings_update(user=author, email="immediate")

    with django_capture_on_commit_callbacks(execute=True):
        post_verify(post=answer, by=moderator)

    (message,) = mail.outbox
    assert expected in message.body and other not in message.body
    assert message.subject == f"[Fagrom] {expected}"


def test_daily_digest_is_in_the_recipients_language(moderator, answer):
    author = _speaks(answer.author, "en")
    listening.listening_settings_update(user=author, email="daily")
    post_verify(post=answer, by=moderator)

    assert listening.digests_send() == 1
    assert EN in mail.outbox[0].body and NB not in mail.outbox[0].body


def test_the_stored_text_stays_in_the_site_language(moderator, answer):
    _speaks(moderator, "en")
    _speaks(answer.author, "en")
    post_verify(post=answer, by=moderator)

    n = Notification.objects.get(user=answer.author)
    assert n.text == NB
    assert n.message == "%(name)s kvalitetssikret svaret ditt i «%(thread)s»"
    assert n.params == {"name": "Ola Hansen", "thread": "Karensdager ved permittering"}


def test_idea_status_label_is_translated_when_shown_not_when_stored(
    client, moderator, case_worker, topic, django_capture_on_commit_callbacks
):
    from forum.services import thread_start

    idea = thread_start(topic=topic, author=case_worker, title="Felles mal", body="F", kind="idea")
    with django_capture_on_commit_callbacks(execute=True):
        idea_set_status(thread=idea, by=moderator, status="accepted")

    n = Notification.objects.get(user=case_worker, kind="idea_status")
    assert n.params["status"] == {"msgid": "Vedtatt"}
    assert n.text == "Forslaget «Felles mal» har fått status: Vedtatt"
    client.force_login(_speaks(case_worker, "en"))
    page = client.get(reverse("forum:notifications")).content.decode()
    assert "The suggestion “Felles mal” has been given the status: Adopted" in page


def test_a_fan_out_task_enqueued_before_the_change_still_notifies_with_its_text(
    case_worker, colleague, topic
):
    thread = ThreadFactory(topic=topic, author=colleague)
    listening.follow_ensure(user=case_worker, thread=thread)
    fan_out.call(thread_id=thread.pk, kind="reply", text="Gammelt varsel", actor_id=colleague.pk)

    n = Notification.objects.get(user=case_worker)
    assert (n.message, n.text, n.display_text) == ("", "Gammelt varsel", "Gammelt varsel")


# Falling back to the stored text ------------------------------------------------------------


def test_old_rows_without_a_message_show_their_text(client, case_worker, topic):
    thread = ThreadFactory(topic=topic)
    Notification.objects.create(user=case_worker, kind="reply", thread=thread, text="Gammel tekst")
    client.force_login(_speaks(case_worker, "en"))
    assert "Gammel tekst" in client.get(reverse("forum:notifications")).content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {},  # a value is missing
        {"name": "Ola"},  # another is missing
        {"name": "Ola", "thread": {"nope": 1}},  # not a translatable label
        {"name": "Ola", "thread": ["a"]},
        ["Ola", "T"],  # not a mapping at all
        "Ola",
    ],
)
def test_broken_params_show_the_stored_text_instead_of_failing(client, case_worker, params):
    Notification.objects.create(
        user=case_worker,
        kind="reply",
        text="Reserve",
        message="%(name)s svarte i «%(thread)s»",
        params=params,
    )
    client.force_login(_speaks(case_worker, "en"))
    response = client.get(reverse("forum:notifications"))
    assert response.status_code == 200
    assert "Reserve" in response.content.decode()
    assert client.get(reverse("home")).status_code == 200


def test_a_number_param_that_does_not_fit_shows_the_stored_text(case_worker):
    n = Notification(
        user=case_worker,
        text="Reserve",
        message="Spørsmålet «%(thread)s» har ventet på svar i over %(n)d virkedager",
        params={"thread": "T", "n": "mange"},
    )
    assert n.display_text == "Reserve"
    n.params["n"] = 3
    with translation.override("nb"):
        assert n.display_text == "Spørsmålet «T» har ventet på svar i over 3 virkedager"


# Opening: a GET only redirects, a POST marks read ---------------------------------------------


@pytest.fixture
def unread(case_worker, topic):
    thread = ThreadFactory(topic=topic)
    return Notification.objects.create(
        user=case_worker,
        kind="reply",
        thread=thread,
        text="Nytt svar",
        url=thread.get_absolute_url() + "#post-2",
    )


def test_get_redirects_to_the_target_but_does_not_mark_read(client, case_worker, unread):
    client.force_login(case_worker)
    response = client.get(_open_url(unread))
    assert response.status_code == 302 and response["Location"] == unread.url
    unread.refresh_from_db()
    assert unread.read_at is None


def test_post_marks_read_and_redirects_to_the_target(client, case_worker, unread):
    client.force_login(case_worker)
    response = client.post(_open_url(unread))
    assert response.status_code == 302 and response["Location"] == unread.url
    unread.refresh_from_db()
    assert unread.read_at is not None


@pytest.mark.parametrize(
    "url", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", ""]
)
def test_post_redirects_only_to_this_site(client, case_worker, unread, url):
    unread.url = url
    unread.save(update_fields=["url"])
    client.force_login(case_worker)
    response = client.post(_open_url(unread))
    assert response.status_code == 302
    assert response["Location"] == reverse("forum:notifications")
    unread.refresh_from_db()
    assert unread.read_at is not None


def test_post_without_csrf_token_is_refused(case_worker, unread):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(case_worker)
    assert csrf_client.post(_open_url(unread)).status_code == 403
    unread.refresh_from_db()
    assert unread.read_at is None


def test_the_list_and_the_front_page_post_with_a_csrf_token(client, case_worker, unread):
    client.force_login(case_worker)
    for html in (
        client.get(reverse("forum:notifications")).content.decode(),
        panel(home(client, case_worker), "notifications"),
    ):
        form = html.split(f'action="{_open_url(unread)}"')[0].rsplit("<form", 1)[1]
        assert 'method="post"' in form
        rest = html.split(f'action="{_open_url(unread)}"')[1].split("</form>")[0]
        assert 'name="csrfmiddlewaretoken"' in rest
        assert '<button type="submit" class="ds-link">Nytt svar</button>' in rest


@pytest.mark.parametrize("method", ["get", "post"])
def test_another_persons_notification_is_404(client, colleague, unread, method):
    client.force_login(colleague)
    assert getattr(client, method)(_open_url(unread)).status_code == 404
    unread.refresh_from_db()
    assert unread.read_at is None


def test_other_methods_are_not_allowed(client, case_worker, unread):
    client.force_login(case_worker)
    assert client.delete(_open_url(unread)).status_code == 405


# Reading the thread -------------------------------------------------------------------------


def test_opening_the_thread_marks_its_notifications_read_and_the_menu_count_follows(
    client, case_worker, topic, unread
):
    other_thread = ThreadFactory(topic=topic)
    other = Notification.objects.create(
        user=case_worker, kind="reply", thread=other_thread, text="Annet"
    )
    flag = Notification.objects.create(
        user=case_worker, kind="flag", thread=unread.thread, text="Rapport", url="/x/"
    )
    client.force_login(case_worker)
    page = client.get(unread.thread.get_absolute_url()).content.decode()
    assert 'data-count="2"' in page  # the menu counts what is still unread
    for n in (unread, other, flag):
        n.refresh_from_db()
    assert unread.read_at is not None
    assert other.read_at is None  # another thread
    assert flag.read_at is None  # points at the report queue, not at the thread


def test_opening_a_thread_leaves_other_peoples_notifications_alone(client, colleague, unread):
    client.force_login(colleague)
    client.get(unread.thread.get_absolute_url())
    unread.refresh_from_db()
    assert unread.read_at is None


def test_thread_page_costs_one_query_more_only_with_unread_notifications(
    client, case_worker, topic
):
    from tests.forum.test_query_counts import THREAD_PAGE_MAX

    thread = ThreadFactory(topic=topic)
    client.force_login(case_worker)
    client.get(thread.get_absolute_url())  # sessions and first-visit rows settle
    thread.title = "Ny tittel"  # a change: the menu's cached counts are made again
    thread.save(update_fields=["title"])
    with CaptureQueriesContext(connection) as nothing_unread:
        client.get(thread.get_absolute_url())
    Notification.objects.create(user=case_worker, kind="reply", thread=thread, text="Svar")
    with CaptureQueriesContext(connection) as one_unread:
        client.get(thread.get_absolute_url())
    assert len(one_unread.captured_queries) == len(nothing_unread.captured_queries) + 1
    assert len(one_unread.captured_queries) <= THREAD_PAGE_MAX
    assert Notification.objects.get().read_at is not None
    assert listening.unread_count(case_worker) == 0


def test_read_notifications_are_not_marked_again(case_worker, unread):
    earlier = timezone.now() - datetime.timedelta(days=1)
    Notification.objects.filter(pk=unread.pk).update(read_at=earlier)
    user = type(case_worker).objects.get(pk=case_worker.pk)
    assert listening.thread_notifications_mark_read(user=user, thread=unread.thread) == 0
    unread.refresh_from_db()
    assert unread.read_at == earlier


def test_a_thread_view_writes_nothing_when_only_other_threads_notifications_are_unread(
    client, case_worker, topic, unread
):
    """The menu shows an unread notification elsewhere; opening this thread marks none."""
    thread = ThreadFactory(topic=topic)
    Notification.objects.create(user=case_worker, kind="flag", thread=thread, text="Rapport")
    client.force_login(case_worker)
    client.get(thread.get_absolute_url())  # the read mark moves: written once
    with CaptureQueriesContext(connection) as queries:
        page = client.get(thread.get_absolute_url()).content.decode()
    assert 'data-count="2"' in page
    assert not [q["sql"] for q in queries if q["sql"].startswith(("UPDATE", "INSERT"))]
    unread.refresh_from_db()
    assert unread.read_at is None
