"""One site address: e-mails, feeds, exports and API answers link to ``SITE_URL``, never to the
host a request happened to use or to Wagtail's ``localhost`` Site record; production refuses
to start without a usable address."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from fagrom import checks
from forum.models import Notification
from forum.services import listening, post_reply, thread_start
from tests.forum.factories import ThreadFactory

SITE = "https://fagrom.etat.example"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE
    settings.WAGTAILADMIN_BASE_URL = SITE
    settings.ALLOWED_HOSTS = ["testserver", "other.example", "fagrom.etat.example"]


def _links(text):
    import re

    return re.findall(r"https?://[^\s\"'<>]+", text)


def test_immediate_email_links_to_the_site_address(
    case_worker, colleague, topic, django_capture_on_commit_callbacks
):
    thread = thread_start(topic=topic, author=colleague, title="Permittering", body="B")
    listening.listening_settings_update(user=colleague, email="immediate")
    with django_capture_on_commit_callbacks(execute=True):
        post_reply(thread=thread, author=case_worker, body="Svar")
    links = _links(mail.outbox[0].body)
    assert links and all(link.startswith(SITE + "/forum/") for link in links)


def test_daily_digest_links_to_the_site_address(case_worker, topic):
    thread = ThreadFactory(topic=topic)
    listening.listening_settings_update(user=case_worker, email="daily")
    Notification.objects.create(
        user=case_worker,
        kind="reply",
        thread=thread,
        text="Nytt svar",
        url=thread.get_absolute_url(),
    )
    call_command("send_digests")
    links = _links(mail.outbox[0].body)
    assert links and all(link.startswith(SITE + "/") for link in links)
    assert "127.0.0.1" not in mail.outbox[0].body and "localhost" not in mail.outbox[0].body


def test_feeds_link_to_the_site_address_whatever_host_was_asked(client, case_worker, topic):
    ThreadFactory(topic=topic, title="Feedtråd")
    client.force_login(case_worker)
    response = client.get(
        reverse("forum:topic_feed", args=[topic.room.slug, topic.slug]), HTTP_HOST="other.example"
    )
    body = response.content.decode()
    links = _links(body.replace("http://www.w3.org/2005/Atom", ""))
    assert links and all(link.startswith(SITE + "/") for link in links), links
    assert "other.example" not in body


def test_api_answers_link_to_the_site_address(client, case_worker, topic):
    ThreadFactory(topic=topic, title="API-tråd")
    client.force_login(case_worker)
    data = client.get(f"/api/v1/threads?topic={topic.pk}", HTTP_HOST="other.example").json()
    urls = [item["url"] for item in data["items"]]
    assert urls and all(url.startswith(SITE + "/forum/") for url in urls)


def test_feed_address_on_the_settings_page_uses_the_site_address(client, case_worker):
    client.force_login(case_worker)
    html = client.get(reverse("forum:listening_settings"), HTTP_HOST="other.example").content
    token = listening.listening_settings_for(case_worker).feed_token
    assert f"{SITE}/forum/feed/mine/{token}/".encode() in html


# The start-up check -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("site_url", "error"),
    [
        ("", "fagrom.E001"),
        ("http://fagrom.etat.example", "fagrom.E002"),
        ("https://fagrom.etat.example/fagrom", "fagrom.E003"),
        ("https://elsewhere.example", "fagrom.E004"),
    ],
)
def test_production_refuses_a_missing_or_unusable_site_address(site_url, error):
    with override_settings(
        PRODUCTION=True,
        SECURE_SSL_REDIRECT=True,
        SITE_URL=site_url,
        WAGTAILADMIN_BASE_URL=site_url,
        ALLOWED_HOSTS=["fagrom.etat.example", "localhost"],
    ):
        assert [e.id for e in checks.check_site_url()] == [error]
        with pytest.raises(Exception, match=error):
            checks.fail_fast()


def test_production_accepts_its_address_and_wagtail_must_use_the_same():
    with override_settings(
        PRODUCTION=True, SITE_URL=SITE, WAGTAILADMIN_BASE_URL=SITE, ALLOWED_HOSTS=[".etat.example"]
    ):
        assert checks.check_site_url() == []
        checks.fail_fast()
    # The compose trial: plain http on localhost, TLS switched off on purpose.
    with override_settings(
        PRODUCTION=True,
        SECURE_SSL_REDIRECT=False,
        SITE_URL="http://localhost:8080",
        WAGTAILADMIN_BASE_URL="http://localhost:8080",
        ALLOWED_HOSTS=["localhost"],
    ):
        assert checks.check_site_url() == []
    with override_settings(
        PRODUCTION=True, SITE_URL=SITE, WAGTAILADMIN_BASE_URL="http://x", ALLOWED_HOSTS=["*"]
    ):
        assert [e.id for e in checks.check_site_url()] == ["fagrom.E005"]


def test_the_check_is_registered_with_manage_py_check():
    from django.core.checks.registry import registry

    assert checks.check_site_url in registry.get_checks()
