"""The JSON API: same access, same validation, tokens and sessions, errors as Norwegian JSON."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from people.models import ApiToken
from people.services import api_token_create, api_token_revoke
from tests.forum.factories import PostFactory, ThreadFactory, add_member

API = "/api/v1"


@pytest.fixture
def api_client(client, case_worker):
    client.force_login(case_worker)
    return client


def test_openapi_schema_is_published(client):
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in ("/rooms", "/topics", "/threads", "/posts"):
        assert f"/api/v1{path}" in paths


def test_openapi_schema_documents_the_error_answers(client):
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    assert set(paths["/api/v1/threads/{thread_id}"]["get"]["responses"]) >= {
        "200",
        "401",
        "404",
        "422",
    }
    assert set(paths["/api/v1/posts"]["post"]["responses"]) >= {"201", "400", "403", "404", "429"}
    assert set(paths["/api/v1/search"]["get"]["responses"]) >= {"200", "401", "422"}


@pytest.mark.parametrize(
    "path",
    [
        "/threads?page=8160236305546914736101683888128",
        "/topics?room=-860",
        "/posts/99999999999999999999999",
        "/threads?room=9223372036854775808",
        "/search?q=dagpenger&room=99999999999999999999999",
    ],
)
def test_ids_and_pages_out_of_range_are_422_not_a_database_error(api_client, topic, path):
    response = api_client.get(f"{API}{path}")
    assert response.status_code == 422
    assert response.json()["detail"].startswith("Forespørselen er ugyldig")


def test_page_size_above_the_maximum_is_cut_to_200(api_client, topic):
    response = api_client.get(f"{API}/topics?page_size=100000")
    assert response.status_code == 200


def test_anonymous_gets_401_in_norwegian(client):
    response = client.get(f"{API}/rooms")
    assert response.status_code == 401
    assert response.json() == {"detail": "Du må logge inn eller bruke en API-nøkkel."}


def test_lists_carry_id_name_and_web_url(api_client, topic, case_worker):
    thread = ThreadFactory(topic=topic, title="Karensdager", author=case_worker)
    rooms = api_client.get(f"{API}/rooms").json()
    assert rooms["count"] == 1
    room = rooms["items"][0]
    assert room["name"] == "Erfaringsforum"
    assert room["url"] == settings.SITE_URL + topic.room.get_absolute_url()  # not the host asked
    topics = api_client.get(f"{API}/topics", {"room": topic.room_id}).json()["items"]
    assert topics[0]["name"] == "Dagpenger" and topics[0]["room"] == topic.room_id
    threads = api_client.get(f"{API}/threads", {"topic": topic.pk}).json()["items"]
    assert threads[0]["title"] == "Karensdager" and threads[0]["url"].endswith(
        thread.get_absolute_url()
    )
    posts = api_client.get(f"{API}/posts", {"thread": thread.pk}).json()["items"]
    assert posts[0]["title"] == "Karensdager" and posts[0]["id"]
    assert posts[0]["author"]["name"] == "Kari Nordmann"
    detail = api_client.get(f"{API}/posts/{posts[0]['id']}").json()
    assert detail["body_html"] and detail["url"].startswith(settings.SITE_URL + "/forum/trad/")


def test_closed_room_objects_are_404_and_absent_from_lists_for_non_members(
    api_client, closed_topic, room_owner
):
    thread = ThreadFactory(topic=closed_topic, title="Hemmelig tråd", author=room_owner)
    post = thread.posts.get()
    for url in (
        f"{API}/rooms/{closed_topic.room_id}",
        f"{API}/topics/{closed_topic.pk}",
        f"{API}/threads/{thread.pk}",
        f"{API}/posts/{post.pk}",
    ):
        response = api_client.get(url)
        assert response.status_code == 404
        assert response.json() == {"detail": "Fant ikke det du ba om."}
    for url in ("rooms", "topics", "threads", "posts"):
        body = api_client.get(f"{API}/{url}", {"room": closed_topic.room_id}).content.decode()
        assert "Prosjekt Ugle" not in body and "Hemmelig tråd" not in body
    response = api_client.post(
        f"{API}/posts", {"thread": thread.pk, "body": "Hei"}, content_type="application/json"
    )
    assert response.status_code == 404


def test_create_thread_and_post_use_the_same_services(api_client, topic, case_worker):
    response = api_client.post(
        f"{API}/threads",
        {"topic": topic.pk, "title": "  Nytt spørsmål ", "body": "<script>x</script> **Hei**"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    thread = response.json()
    assert thread["title"] == "Nytt spørsmål" and thread["post_count"] == 1
    response = api_client.post(
        f"{API}/posts", {"thread": thread["id"], "body": "Svar"}, content_type="application/json"
    )
    assert response.status_code == 201
    assert response.json()["position"] == 2
    first = api_client.get(f"{API}/posts", {"thread": thread["id"]}).json()["items"][0]
    assert "<script>" not in first["body_html"] and "<strong>Hei</strong>" in first["body_html"]


def test_invalid_input_gets_the_web_forms_norwegian_message(api_client, topic):
    response = api_client.post(
        f"{API}/threads",
        {"topic": topic.pk, "title": "", "body": "tekst"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "Tråden må ha en tittel."
    response = api_client.post(
        f"{API}/threads", {"topic": topic.pk}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["detail"].startswith("Forespørselen er ugyldig")


def test_reader_gets_403_with_reason_when_posting(
    api_client, closed_topic, case_worker, room_owner
):
    add_member(closed_topic.room, "reader", user=case_worker)
    thread = ThreadFactory(topic=closed_topic, author=room_owner)
    response = api_client.post(
        f"{API}/posts", {"thread": thread.pk, "body": "Hei"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json() == {"detail": "Du har ikke skrivetilgang i dette rommet."}


def test_session_needs_csrf_for_unsafe_methods(case_worker, topic):
    client = Client(enforce_csrf_checks=True)
    client.force_login(case_worker)
    response = client.post(
        f"{API}/threads",
        {"topic": topic.pk, "title": "T", "body": "B"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert client.get(f"{API}/rooms").status_code == 200


def test_csrf_refusal_names_the_csrf_cookie_the_site_actually_sets(case_worker, topic, settings):
    settings.CSRF_COOKIE_NAME = "__Host-fagrom_csrftoken"  # as in production
    client = Client(enforce_csrf_checks=True)
    client.force_login(case_worker)
    response = client.post(
        f"{API}/threads",
        {"topic": topic.pk, "title": "T", "body": "B"},
        content_type="application/json",
    )
    assert response.status_code == 403
    detail = response.json()["detail"]
    assert "«__Host-fagrom_csrftoken»" in detail
    assert "«csrftoken»" not in detail


def test_token_authenticates_without_csrf_and_revoked_token_does_not(case_worker, topic):
    token, key = api_token_create(user=case_worker, name="Skript")
    assert key not in ApiToken.objects.values_list("token_hash", flat=True)
    client = Client(enforce_csrf_checks=True)
    headers = {"Authorization": f"Bearer {key}"}
    response = client.post(
        f"{API}/threads",
        {"topic": topic.pk, "title": "Fra skript", "body": "Hei"},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 201
    assert response.json()["author"]["name"] == "Kari Nordmann"
    api_token_revoke(token=token, by=case_worker)
    response = client.get(f"{API}/rooms", headers=headers)
    assert response.status_code == 401
    assert response.json()["detail"] == "API-nøkkelen er ugyldig eller tilbakekalt."


def test_person_creates_sees_once_and_revokes_a_token_on_the_profile_pages(client, case_worker):
    client.force_login(case_worker)
    assert (
        reverse("people:api_tokens") in client.get(case_worker.get_absolute_url()).content.decode()
    )
    response = client.post(reverse("people:api_tokens"), {"name": "Rapport"})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    token = ApiToken.objects.get(user=case_worker)
    body = response.content.decode()
    assert "fgr_" in body and token.prefix in body
    again = client.get(reverse("people:api_tokens")).content.decode()
    key_start = body.index("fgr_")
    assert body[key_start : key_start + 30] not in again  # shown once
    client.post(reverse("people:api_token_revoke", args=[token.pk]))
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_nobody_revokes_another_persons_token(client, case_worker, colleague):
    token, _ = api_token_create(user=colleague, name="Hans")
    client.force_login(case_worker)
    assert client.post(reverse("people:api_token_revoke", args=[token.pk])).status_code == 404


def test_post_list_query_count_is_bounded(
    api_client, topic, case_worker, django_assert_max_num_queries
):
    thread = ThreadFactory(topic=topic, author=case_worker)
    for _ in range(30):
        PostFactory(thread=thread, author=case_worker)
    with django_assert_max_num_queries(10):
        response = api_client.get(f"{API}/posts", {"thread": thread.pk})
    assert response.json()["count"] == 31
