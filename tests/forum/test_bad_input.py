"""Bad input gets a clear Norwegian message (or a 404), keeps what was typed, never a 500."""

import pytest
from django.conf import settings
from django.urls import reverse

from forum.models import Thread
from tests.forum.factories import ThreadFactory


@pytest.fixture
def logged_in(client, case_worker):
    client.force_login(case_worker)
    return client


def new_thread_url(topic):
    return reverse("forum:thread_new", args=[topic.room.slug, topic.slug])


def test_empty_title_is_refused_and_body_is_kept(logged_in, topic):
    response = logged_in.post(
        new_thread_url(topic), {"title": "  ", "kind": "discussion", "body": "Min lange tekst"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Tråden må ha en tittel." in body
    assert "Min lange tekst" in body
    assert not Thread.objects.exists()


def test_empty_body_is_refused_and_title_is_kept(logged_in, topic):
    response = logged_in.post(
        new_thread_url(topic), {"title": "Min tittel", "kind": "discussion", "body": "   "}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Skriv noe i innlegget før du sender det." in body
    assert 'value="Min tittel"' in body


def test_over_long_title_is_refused(logged_in, topic):
    title = "x" * (settings.THREAD_TITLE_MAX_LENGTH + 1)
    response = logged_in.post(
        new_thread_url(topic), {"title": title, "kind": "discussion", "body": "Tekst"}
    )
    assert response.status_code == 400
    assert "Tittelen er for lang" in response.content.decode()


def test_over_long_post_is_refused_and_kept(logged_in, topic):
    thread = ThreadFactory(topic=topic)
    text = "ord " * (settings.POST_MAX_LENGTH // 4 + 10)
    response = logged_in.post(reverse("forum:reply", args=[thread.pk]), {"body": text})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Innlegget er for langt" in body
    assert "ord ord ord" in body
    assert thread.posts.count() == 1


def test_empty_reply_is_refused_with_message(logged_in, topic):
    thread = ThreadFactory(topic=topic)
    response = logged_in.post(reverse("forum:reply", args=[thread.pk]), {"body": ""})
    assert response.status_code == 400
    assert "Skriv noe i innlegget" in response.content.decode()


def test_forged_kind_is_refused(logged_in, topic):
    response = logged_in.post(new_thread_url(topic), {"title": "T", "kind": "admin", "body": "B"})
    assert response.status_code == 400
    assert "Velg diskusjon, spørsmål eller forslag." in response.content.decode()


def test_missing_form_fields_are_refused_not_500(logged_in, topic):
    response = logged_in.post(new_thread_url(topic), {})
    assert response.status_code == 400
    thread = ThreadFactory(topic=topic)
    assert logged_in.post(reverse("forum:reply", args=[thread.pk]), {}).status_code == 400


@pytest.mark.parametrize(
    "url",
    [
        "/forum/rom/finnes-ikke/",
        "/forum/rom/erfaringsforum/finnes-ikke/",
        "/forum/rom/erfaringsforum/finnes-ikke/ny-trad/",
        "/forum/trad/999999/",
        "/forum/innlegg/999999/endre/",
        "/forum/innlegg/999999/historikk/",
        "/people/finnes-ikke/",
    ],
)
def test_unknown_objects_give_404(logged_in, topic, url):
    assert logged_in.get(url).status_code == 404


def test_reply_to_unknown_thread_gives_404(logged_in):
    assert logged_in.post("/forum/trad/999999/svar/", {"body": "x"}).status_code == 404


def test_get_on_reply_endpoint_is_not_allowed(logged_in, topic):
    thread = ThreadFactory(topic=topic)
    assert logged_in.get(reverse("forum:reply", args=[thread.pk])).status_code == 405


def test_garbage_page_number_shows_first_page(logged_in, topic):
    thread = ThreadFactory(topic=topic)
    assert logged_in.get(thread.get_absolute_url() + "?page=abc").status_code == 200
    assert logged_in.get(thread.get_absolute_url() + "?quote=abc").status_code == 200


def test_missing_csrf_token_is_refused(client, case_worker, topic):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(case_worker)
    response = csrf_client.post(
        new_thread_url(topic), {"title": "T", "kind": "discussion", "body": "B"}
    )
    assert response.status_code == 403
    assert not Thread.objects.exists()


def test_anonymous_is_sent_to_login(client, topic):
    response = client.get(topic.get_absolute_url())
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
