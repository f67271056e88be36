"""Hostile query strings on the pages people read most: real objects in the path.

``test_hostile_input``'s fuzz puts hostile values *in* the path of patterns with
parameters, so a real thread, topic or room page never met a hostile query string
(``?page=…&sort=…``) there. This walks every pattern whose parameters it can fill with
real objects — a room, a topic, a thread, a post, a person — and sends each hostile
query string of that fuzz.
"""

import re

from django.http import HttpResponse
from django.test import Client

from fagrom.input_guard import CookieGuardMiddleware
from tests.forum.factories import PostFactory, ThreadFactory
from tests.security.test_access_matrix import url_patterns
from tests.security.test_hostile_input import QUERY_STRINGS

_PARAM = re.compile(r"<(?:[^>:]+:)?([^>]+)>")
QUERY_STRINGS = (
    *QUERY_STRINGS,
    "page=-1&per_page=1000000000&limit=-5&offset=99999999999999999999&order=%27",
    "page=1.5&thread=abc&topic=1e400&room=%00&since=9999-99-99T99:99&cursor=%ff%fe",
    "page=&q=&q=x&q[]=1&format=%3Cscript%3E",
)


def _filled_routes(values):
    for _key, route in url_patterns():
        if route.startswith(("admin/", "django-admin/", "^media/")):
            continue  # the Wagtail and Django admins: fuzzed by test_hostile_input
        names = _PARAM.findall(route)
        if names and all(name in values for name in names):
            yield "/" + _PARAM.sub(lambda m: str(values[m.group(1)]), route)


def test_pages_with_real_objects_answer_hostile_query_strings_without_a_server_error(
    case_worker, topic
):
    thread = ThreadFactory(topic=topic, author=case_worker)
    post = PostFactory(thread=thread, author=case_worker)
    values = {
        "room_slug": topic.room.slug,
        "topic_slug": topic.slug,
        "thread_id": thread.pk,
        "post_id": post.pk,
        "username": case_worker.username,
    }
    client = Client(raise_request_exception=False)
    client.force_login(case_worker)
    routes = list(_filled_routes(values))
    assert len(routes) > 20  # thread, topic and room pages, their feeds and exports
    failures = []
    for route in routes:
        for query in QUERY_STRINGS:
            status = client.get(f"{route}?{query}").status_code
            if status >= 500:
                failures.append(f"{status} {route}?{query[:80]}")
    assert failures == []


def test_a_session_cookie_with_nul_is_dropped_and_the_login_page_answers(client, case_worker):
    # "\000" in a quoted cookie is NUL once parsed: PostgreSQL refused the session lookup.
    client.cookies.load('sessionid="abcdefghij\\000klmnopqrstu"; fagrom_device="x\\001y"')
    assert "\x00" in client.cookies["sessionid"].value
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert client.get("/").status_code == 302  # no session: to the login page, not a 500
    client.post("/accounts/login/", {"username": "kari", "password": "pw"})
    assert client.get("/").status_code == 200  # and the rightful user gets in


def test_the_cookie_guard_drops_only_cookies_with_forbidden_characters(rf):
    seen = {}

    def view(request):
        seen.update(request.COOKIES)
        return HttpResponse()

    request = rf.get("/")
    request.COOKIES.update({"sessionid": "ab\x00cd", "csrftoken": "fine", "x\x7f": "1"})
    CookieGuardMiddleware(view)(request)
    assert seen == {"csrftoken": "fine"}
