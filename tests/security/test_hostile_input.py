"""Hostile input never gives a 500: NUL, control characters, lone surrogates, huge and
malformed values in paths, query strings, forms and API bodies.

The first tests pin the cases found on main (issue 16); the fuzz at the end walks every
URL pattern of the project (as in ``test_access_matrix``), so a new URL is fuzzed too.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from forum.models import Post, Thread
from tests.forum.factories import ThreadFactory
from tests.security.test_access_matrix import url_patterns


def _json(client, url, text_body: str):
    return client.post(url, text_body, content_type="application/json")


@pytest.mark.parametrize("bad", ["\\ud800", "\\u0000", "\\u0007", "ok\\udfff"])
def test_api_bodies_with_lone_surrogates_or_controls_are_a_json_400(
    client, case_worker, topic, bad
):
    thread = ThreadFactory(topic=topic)
    client.force_login(case_worker)
    response = _json(client, "/api/v1/posts", f'{{"thread": {thread.pk}, "body": "{bad}"}}')
    assert response.status_code == 400
    assert "tegn som ikke kan brukes" in response.json()["detail"]
    assert "«body»" in response.json()["detail"]
    response = _json(
        client, "/api/v1/threads", f'{{"topic": {topic.pk}, "title": "{bad}", "body": "x"}}'
    )
    assert response.status_code == 400
    assert Post.objects.count() == 1 and Thread.objects.count() == 1


@pytest.mark.parametrize(
    "url",
    ["/people/%00/", "/forum/regelverk/%00/x/", "/forum/personer/sok/?q=%00a", "/search/?q=a%01"],
)
def test_nul_and_controls_in_paths_and_queries_are_a_400_with_a_message(client, case_worker, url):
    client.force_login(case_worker)
    response = client.get(url)
    assert response.status_code == 400
    assert "tegn som ikke kan brukes" in response.content.decode()


def test_a_control_character_in_a_form_is_refused_before_anything_is_saved(
    client, case_worker, topic
):
    thread = ThreadFactory(topic=topic)
    client.force_login(case_worker)
    response = client.post(reverse("forum:reply", args=[thread.pk]), {"body": "Hei\x1bverden"})
    assert response.status_code == 400
    assert "feltet «body»" in response.content.decode()
    assert thread.posts.count() == 1


def test_tabs_and_line_breaks_are_text_and_pass(client, case_worker, topic):
    thread = ThreadFactory(topic=topic)
    client.force_login(case_worker)
    response = client.post(
        reverse("forum:reply", args=[thread.pk]), {"body": "Punkt:\r\n\t- ett\n\t- to"}
    )
    assert response.status_code == 302


def test_a_10_mb_api_body_gets_the_documented_json_error(client, case_worker, topic):
    thread = ThreadFactory(topic=topic)
    client.force_login(case_worker)
    body = f'{{"thread": {thread.pk}, "body": "{"a" * 10_000_000}"}}'
    response = _json(client, "/api/v1/posts", body)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "for stor" in response.json()["detail"]


def test_a_path_id_beyond_any_database_row_is_a_404(client, case_worker):
    client.force_login(case_worker)
    assert client.get("/forum/trad/99999999999999999999999/").status_code == 404


# The fuzz --------------------------------------------------------------------------------

PATH_VALUES = (
    "%00",  # NUL
    "%ED%A0%80",  # a lone surrogate, as UTF-8 would encode it
    "9" * 25,  # an id no database can hold
    "x" * 2100 + "%zz%C0%AF%",  # overlong, then malformed escapes and an overlong "/"
)
QUERY_STRINGS = (
    "q=%00&page=%00&kind=%00",
    "q=" + "ø" * 3000 + "&page=99999999999999999999&year=-1&topic=%ED%A0%80&room=x&unit=%"
    "&type=%zz&quote=1e9&next=//evil.example&csv=%C0%AF&from=2026-13-45&to=x&sort=..%2F",
)
_PARAM = re.compile(r"<(?:[^>:]+:)?[^>]+>|\(\?P<[^>]+>[^)]*\)|\([^)]*\)")


def _fuzz_urls():
    for _key, route in url_patterns():
        if route.startswith("^media/") or route == "admin/failwhale/":
            continue  # only in DEBUG; Wagtail's page that raises on purpose to test error pages
        plain = route.replace("^", "").replace("$", "").replace("\\", "")
        plain = plain.replace(".*", "x").replace("\\d+", "1")
        if _PARAM.search(plain):
            for value in PATH_VALUES:
                yield "/" + _PARAM.sub(value, plain)
        else:
            for query in QUERY_STRINGS:
                yield "/" + plain + "?" + query


def test_no_url_pattern_answers_hostile_paths_or_queries_with_a_server_error(
    administrator, case_worker, topic
):
    ThreadFactory(topic=topic, author=case_worker)
    administrator.is_superuser = (
        True  # sees the most (the Wagtail admin too): the deepest code runs
    )
    administrator.save()
    client = Client(raise_request_exception=False)
    client.force_login(administrator)
    failures = []
    urls = list(_fuzz_urls())
    assert len(urls) > 1000  # every pattern was reached
    for url in urls:
        status = client.get(url).status_code
        if status >= 500:
            failures.append(f"{status} {url[:160]}")
    assert failures == []
