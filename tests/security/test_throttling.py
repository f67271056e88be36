"""Password guessing and flooding are slowed down with a clear Norwegian message, never a 500."""

import pytest
from django.urls import reverse

from tests.forum.factories import ThreadFactory


def _login(client, username, password, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def test_wrong_password_gets_a_clear_message_and_keeps_the_username(client, case_worker):
    response = _login(client, "kari", "feil")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Brukernavnet eller passordet er feil" in html
    assert 'value="kari"' in html


def _logout_keeping_the_browser(client):
    """Log out; the test client drops every cookie then, a browser keeps its device cookie."""
    from people.auth import DEVICE_COOKIE

    device = client.cookies[DEVICE_COOKIE].value
    client.logout()
    client.cookies[DEVICE_COOKIE] = device


def _fails(client, username, times, **extra):
    for _ in range(times):
        _login(client, username, "feil", **extra)


@pytest.fixture
def clock(monkeypatch):
    """The login brake's clock, moved by hand."""
    from people import auth

    now = [1_800_000_000.0]
    monkeypatch.setattr(auth, "_clock", lambda: now[0])
    return now


def test_after_five_failures_the_person_is_told_how_long_to_wait(client, case_worker, clock):
    for _ in range(4):
        assert _login(client, "kari", "feil").status_code == 400
    assert _login(client, "kari", "feil").status_code == 400  # the fifth still gets an answer
    response = _login(client, "kari", "pw")
    assert response.status_code == 429
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "For mange mislykkede innloggingsforsøk. Vent 30 sekunder" in html
    assert "_auth_user_id" not in client.session


def test_the_wait_is_never_longer_than_the_message_said(client, case_worker, clock):
    _fails(client, "kari", 5)
    assert _login(client, "kari", "pw").status_code == 429
    clock[0] += 30
    response = _login(client, "kari", "pw")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(case_worker.pk)


def test_each_further_failure_doubles_the_wait_up_to_the_maximum(
    client, case_worker, clock, settings
):
    settings.LOGIN_WAIT_MAX = 100
    _fails(client, "kari", 5)
    waits = []
    for _ in range(4):
        clock[0] += 1000  # past any wait: one more wrong guess
        _login(client, "kari", "feil")
        waits.append(_login(client, "kari", "pw")["Retry-After"])
    assert waits == ["60", "100", "100", "100"]


def test_the_right_password_from_a_known_browser_gets_in_during_a_guessing_run(
    client, case_worker, clock
):
    from django.test import Client

    assert _login(client, "kari", "pw").status_code == 302  # Kari's own browser, once
    _logout_keeping_the_browser(client)
    attacker = Client()
    _fails(attacker, "kari", 20)
    assert _login(attacker, "kari", "pw").status_code == 429  # a stranger waits
    response = _login(client, "kari", "pw")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(case_worker.pk)


def test_a_known_browser_cookie_for_another_account_does_not_help(
    client, case_worker, colleague, clock
):
    assert _login(client, "jonas", "pw").status_code == 302
    _logout_keeping_the_browser(client)
    _fails(client, "kari", 5)
    assert _login(client, "kari", "pw").status_code == 429


def test_a_forged_device_cookie_is_ignored(client, case_worker, clock):
    from people.auth import DEVICE_COOKIE

    _fails(client, "kari", 5)
    client.cookies[DEVICE_COOKIE] = "abc:" + "0" * 32
    assert _login(client, "kari", "pw").status_code == 429


def test_login_throttle_counts_the_username_case_insensitively(client, case_worker, settings):
    settings.LOGIN_FAILURES_BEFORE_WAIT = 2
    _login(client, "KARI", "feil")
    _login(client, "Kari", "feil")
    assert _login(client, "kari", "pw").status_code == 429


def test_throttle_on_one_username_leaves_colleagues_alone(client, case_worker, colleague, settings):
    settings.LOGIN_FAILURES_BEFORE_WAIT = 2
    _login(client, "kari", "feil")
    _login(client, "kari", "feil")
    response = _login(client, "jonas", "pw")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(colleague.pk)


def test_many_failures_from_one_address_throttle_every_username(client, case_worker, settings):
    settings.LOGIN_FAILURE_LIMIT_PER_IP = "3/900"
    for name in ("a", "b", "c"):
        _login(client, name, "feil", REMOTE_ADDR="192.0.2.10")
    assert _login(client, "kari", "pw", REMOTE_ADDR="192.0.2.10").status_code == 429
    assert _login(client, "kari", "pw", REMOTE_ADDR="192.0.2.11").status_code == 302


def test_behind_a_trusted_proxy_the_forwarded_client_address_is_throttled(
    client, case_worker, settings
):
    settings.NUM_PROXIES = 1
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    settings.LOGIN_FAILURE_LIMIT_PER_IP = "2/900"
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for name in ("a", "b"):
        _login(client, name, "feil", HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert (
        _login(client, "kari", "pw", HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy).status_code
        == 429
    )
    assert (
        _login(client, "kari", "pw", HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy).status_code
        == 302
    )


def test_rotated_forwarded_for_from_an_untrusted_address_counts_as_one_address(
    client, case_worker, settings
):
    settings.NUM_PROXIES = 1
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    settings.LOGIN_FAILURE_LIMIT_PER_IP = "50/900"
    direct = {"REMOTE_ADDR": "203.0.113.5"}
    statuses = [
        _login(
            client, f"u{n}", "feil", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}", **direct
        ).status_code
        for n in range(60)
    ]
    assert statuses[:50] == [400] * 50
    assert set(statuses[50:]) == {429}
    fresh = _login(client, "kari", "pw", HTTP_X_FORWARDED_FOR="192.0.2.99", **direct)
    assert fresh.status_code == 429


def test_the_per_address_limit_spares_browsers_people_logged_in_from_before(
    client, case_worker, settings
):
    from django.test import Client

    settings.LOGIN_FAILURE_LIMIT_PER_IP = "3/900"
    office = {"REMOTE_ADDR": "192.0.2.10"}  # an office NAT
    assert _login(client, "kari", "pw", **office).status_code == 302
    _logout_keeping_the_browser(client)
    attacker = Client()
    for name in ("a", "b", "c"):
        _login(attacker, name, "feil", **office)
    assert _login(attacker, "kari", "pw", **office).status_code == 429
    assert _login(client, "kari", "pw", **office).status_code == 302


def test_a_successful_login_clears_the_persons_failure_count(client, case_worker, settings):
    settings.LOGIN_FAILURES_BEFORE_WAIT = 3
    _login(client, "kari", "feil")
    _login(client, "kari", "feil")
    assert _login(client, "kari", "pw").status_code == 302
    client.logout()
    _login(client, "kari", "feil")
    _login(client, "kari", "feil")
    assert _login(client, "kari", "pw").status_code == 302


def test_wagtail_admin_login_is_throttled_too(client, administrator, settings):
    settings.LOGIN_FAILURES_BEFORE_WAIT = 2
    for _ in range(2):
        client.post("/admin/login/", {"username": "admin", "password": "feil"})
    response = client.post("/admin/login/", {"username": "admin", "password": "pw"})
    assert response.status_code == 200  # the form again, not a redirect into the admin
    assert "_auth_user_id" not in client.session


def test_posting_is_throttled_with_the_text_kept(client, case_worker, topic, settings):
    settings.POST_RATE_LIMIT = "2/600"
    thread = ThreadFactory(topic=topic)
    client.force_login(case_worker)
    url = reverse("forum:reply", args=[thread.pk])
    for n in range(2):
        assert client.post(url, {"body": f"Svar nummer {n}"}).status_code == 302
    response = client.post(url, {"body": "Et tredje svar som ikke skal gå tapt"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Du har publisert mange innlegg på kort tid" in html
    assert "Et tredje svar som ikke skal gå tapt" in html
    assert thread.posts.count() == 3  # the first post and two replies


def test_starting_threads_counts_towards_the_same_limit(client, case_worker, topic, settings):
    settings.POST_RATE_LIMIT = "1/600"
    client.force_login(case_worker)
    url = reverse("forum:thread_new", args=[topic.room.slug, topic.slug])
    data = {"title": "Første spørsmål", "body": "Tekst", "kind": "discussion"}
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "title": "Andre spørsmål"})
    assert response.status_code == 400
    assert "Andre spørsmål" in response.content.decode()
    assert topic.threads.count() == 1


def test_posting_limit_is_per_person(client, case_worker, colleague, topic, settings):
    settings.POST_RATE_LIMIT = "1/600"
    thread = ThreadFactory(topic=topic)
    url = reverse("forum:reply", args=[thread.pk])
    client.force_login(case_worker)
    assert client.post(url, {"body": "Fra Kari"}).status_code == 302
    client.force_login(colleague)
    assert client.post(url, {"body": "Fra Jonas"}).status_code == 302


def test_api_posts_count_towards_the_same_limit_as_the_web_forms(
    client, case_worker, topic, settings
):
    settings.POST_RATE_LIMIT = "2/600"
    thread = ThreadFactory(topic=topic)
    client.force_login(case_worker)
    assert (
        client.post(reverse("forum:reply", args=[thread.pk]), {"body": "Fra nettsiden"}).status_code
        == 302
    )
    response = client.post(
        "/api/v1/posts",
        {"thread": thread.pk, "body": "Fra API-et"},
        content_type="application/json",
    )
    assert response.status_code == 201
    response = client.post(
        "/api/v1/posts",
        {"thread": thread.pk, "body": "En for mye"},
        content_type="application/json",
    )
    assert response.status_code == 429
    assert "Du har publisert mange innlegg på kort tid" in response.json()["detail"]
    assert thread.posts.count() == 3  # the first post, one from the web, one from the API


def test_api_thread_creation_with_a_token_is_throttled_too(case_worker, topic, settings):
    from django.test import Client

    from people.services import api_token_create

    settings.POST_RATE_LIMIT = "1/600"
    _token, key = api_token_create(user=case_worker, name="Skript")
    client = Client(enforce_csrf_checks=True, headers={"Authorization": f"Bearer {key}"})
    data = {"topic": topic.pk, "title": "Første fra skript", "body": "Tekst"}
    response = client.post("/api/v1/threads", data, content_type="application/json")
    assert response.status_code == 201
    response = client.post(
        "/api/v1/threads", {**data, "title": "Andre fra skript"}, content_type="application/json"
    )
    assert response.status_code == 429
    assert topic.threads.count() == 1


def test_questions_to_a_live_chat_count_towards_the_posting_limit(
    client, case_worker, moderator, topic, settings
):
    from django.utils import timezone

    from forum.models import LiveChat

    settings.POST_RATE_LIMIT = "1/600"
    chat = LiveChat.objects.create(
        title="Spør direktøren",
        topic=topic,
        host=moderator,
        created_by=moderator,
        starts_at=timezone.now(),
    )
    client.force_login(case_worker)
    url = reverse("forum:livechat_ask", args=[chat.pk])
    assert client.post(url, {"body": "Første spørsmål"}).status_code == 302
    response = client.post(url, {"body": "Andre spørsmål som ikke skal gå tapt"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Du har publisert mange innlegg på kort tid" in html
    assert "Andre spørsmål som ikke skal gå tapt" in html
    assert chat.questions.count() == 1
