"""A database or cache outage answers 503 with Retry-After, logs once, and the cache degrades.

These tests cut the dependency inside the process; ``tests/test_fault_injection.py``
stops real PostgreSQL and Redis servers under load.
"""

import logging

import pytest
from django.db import connections
from django.db.backends.signals import connection_created
from django.db.utils import OperationalError
from django.test import Client

from fagrom import outage
from tests.local_http import closed_port_url


@pytest.fixture(autouse=True)
def _no_outage_state():
    outage._down.clear()
    yield
    outage._down.clear()


@pytest.fixture
def database_down(db, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    with monkeypatch.context() as patch:  # undone before the test database is rolled back
        patch.setattr(connections["default"], "cursor", refuse)
        yield


def _client(user=None):
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def test_a_page_during_a_database_outage_is_503_with_retry_after_and_a_norwegian_page(
    case_worker, topic
):
    client = _client(case_worker)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(connections["default"], "cursor", _refuse)
        response = client.get(f"/forum/rom/{topic.room.slug}/{topic.slug}/")
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert response["Content-Type"].startswith("text/html")
    assert "Fagrom er midlertidig utilgjengelig" in response.content.decode()


def test_the_api_during_a_database_outage_answers_json_503(case_worker, database_down):
    # A token must be looked up in the database: the outage shows before authentication fails.
    response = _client().get("/api/v1/rooms", headers={"Authorization": "Bearer fgr_x"})
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "midlertidig utilgjengelig" in response.json()["detail"]


def test_an_outage_is_logged_once_not_once_per_request(case_worker, caplog):
    client = _client(case_worker)
    with caplog.at_level(logging.INFO), pytest.MonkeyPatch.context() as patch:
        patch.setattr(connections["default"], "cursor", _refuse)
        statuses = {client.get("/").status_code for _ in range(25)}
        statuses |= {client.get("/api/v1/rooms").status_code for _ in range(25)}
    assert statuses == {503}
    outage_lines = [r for r in caplog.records if r.name == "fagrom.outage"]
    assert len(outage_lines) == 1
    assert "database unavailable" in outage_lines[0].getMessage()
    assert not [r for r in caplog.records if r.name == "django.request"]
    assert all(r.exc_info is None for r in caplog.records)


def test_the_end_of_an_outage_is_logged_when_the_database_connects_again(db, caplog):
    outage.outage_report("database", OperationalError("gone"))
    with caplog.at_level(logging.INFO):
        # What Django sends when it opens a connection (the test's own one stays open).
        connection_created.send(sender=type(connections["default"]), connection=None)
    assert any("database available again" in r.getMessage() for r in caplog.records)


def test_other_errors_stay_an_honest_500(case_worker, monkeypatch):
    from fagrom import frontpage

    monkeypatch.setattr(frontpage, "front_page_for", _explode)
    response = _client(case_worker).get("/")
    assert response.status_code == 500
    assert "Retry-After" not in response


def _refuse(*args, **kwargs):
    raise OperationalError("server closed the connection unexpectedly")


def _explode(*args, **kwargs):
    raise RuntimeError("a bug, not an outage")


@pytest.fixture
def redis_down(settings):
    from django.core.cache import caches

    url = closed_port_url().replace("http://", "redis://")
    settings.CACHES = {
        "default": {
            "BACKEND": "fagrom.cache.FailSoftRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    assert type(caches["default"]).__name__ == "FailSoftRedisCache"  # setting_changed reset it


def test_with_redis_down_pages_login_and_posting_still_work(client, case_worker, topic, redis_down):
    from django.urls import reverse

    response = client.post(reverse("login"), {"username": "kari", "password": "pw"})
    assert response.status_code == 302
    url = reverse("forum:thread_new", args=[topic.room.slug, topic.slug])
    data = {"title": "Spørsmål mens Redis er nede", "body": "Tekst", "kind": "discussion"}
    assert client.post(url, data).status_code == 302
    assert client.get(f"/forum/rom/{topic.room.slug}/{topic.slug}/").status_code == 200
    assert topic.threads.filter(title="Spørsmål mens Redis er nede").exists()


def test_with_redis_down_readyz_names_the_cache(client, db, redis_down):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["cache"]


@pytest.mark.parametrize("path", ["/", "/api/v1/rooms"])
def test_with_debug_on_an_outage_is_still_the_503_not_the_technical_500(
    case_worker, settings, path
):
    settings.DEBUG = True
    client = _client(case_worker)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(connections["default"], "cursor", _refuse)
        response = client.get(path)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "midlertidig utilgjengelig" in response.content.decode()
    assert b"Traceback" not in response.content


def test_with_redis_down_the_api_reads_and_posts_and_search_answers(
    client, case_worker, topic, redis_down
):
    from forum.services import thread_start
    from people.services import api_token_create

    thread = thread_start(topic=topic, author=case_worker, title="Før Redis falt", body="Tekst")
    auth = {"Authorization": f"Bearer {api_token_create(user=case_worker, name='t')[1]}"}
    assert client.get(f"/api/v1/threads/{thread.pk}", headers=auth).status_code == 200
    posted = client.post(
        "/api/v1/posts",
        {"thread": thread.pk, "body": "Svar mens Redis er nede"},
        content_type="application/json",
        headers=auth,
    )
    assert posted.status_code == 201, posted.content
    assert thread.posts.filter(body__contains="Svar mens Redis er nede").exists()
    client.force_login(case_worker)
    assert client.get("/search/", {"q": "Redis"}).status_code == 200


def test_a_full_disk_under_a_large_upload_is_a_503_with_a_message_not_a_500(
    case_worker, topic, settings, monkeypatch
):
    import errno

    from django.core.files import uploadedfile
    from django.urls import reverse

    from forum.models import Attachment
    from tests.forum.factories import ThreadFactory
    from tests.forum.files import PDF, upload

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    # Past this size Django spools an upload to a temporary file while it reads the form,
    # before any view or service could catch the error.
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 10
    monkeypatch.setattr(uploadedfile.tempfile, "NamedTemporaryFile", disk_full)
    thread = ThreadFactory(topic=topic)
    client = _client(case_worker)
    response = client.post(
        reverse("forum:reply", args=[thread.pk]),
        {"body": "Svar med stort vedlegg", "attachments": upload("stor.pdf", PDF + b"x" * 100)},
    )
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "lagringsplassen på serveren er full" in response.content.decode()
    assert thread.posts.count() == 1
    assert not Attachment.objects.exists()
