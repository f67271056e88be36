"""Every state-changing request needs a CSRF token."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.forum.factories import ThreadFactory
from tests.people.factories import UserFactory


def _callbacks(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _callbacks(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def test_no_view_opts_out_of_csrf_protection(settings):
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE
    exempt = [
        route
        for route, view in _callbacks(get_resolver().url_patterns)
        if getattr(view, "csrf_exempt", False)
        # Wagtail's admin API is Django REST framework: exempt from the middleware
        # because DRF's session authentication checks the token itself (tested below).
        and not route.startswith("admin/api/main/")
        # Fagrom's JSON API (django-ninja) checks CSRF for session requests in
        # fagrom.api.common.SessionAuth; tests/forum/test_api.py covers it.
        and not route.startswith("api/v1/")
    ]
    assert exempt == []


def test_wagtail_admin_api_actions_without_token_are_refused(csrf_client, agency):
    from wagtail.models import Page

    root = Page.get_first_root_node()
    csrf_client.force_login(UserFactory(unit=agency, is_superuser=True, is_staff=True))
    response = csrf_client.post(f"/admin/api/main/pages/{root.pk}/action/copy/", {})
    assert response.status_code == 403


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


def test_login_without_token_is_refused(csrf_client, case_worker):
    response = csrf_client.post(reverse("login"), {"username": "kari", "password": "pw"})
    assert response.status_code == 403
    assert "_auth_user_id" not in csrf_client.session


@pytest.mark.parametrize("endpoint", ["reply", "thread_new", "profile_edit", "logout", "mark_read"])
def test_state_changing_forum_and_profile_requests_without_token_are_refused(
    csrf_client, case_worker, topic, endpoint
):
    thread = ThreadFactory(topic=topic)
    urls = {
        "reply": (reverse("forum:reply", args=[thread.pk]), {"body": "Hei"}),
        "thread_new": (
            reverse("forum:thread_new", args=[topic.room.slug, topic.slug]),
            {"title": "T", "body": "B", "kind": "discussion"},
        ),
        "profile_edit": (reverse("people:profile_edit"), {"full_name": "Kari Hacket"}),
        "logout": (reverse("logout"), {}),
        "mark_read": (reverse("forum:topic_mark_read", args=[topic.room.slug, topic.slug]), {}),
    }
    csrf_client.force_login(case_worker)
    url, data = urls[endpoint]
    response = csrf_client.post(url, data)
    assert response.status_code == 403
    assert thread.posts.count() == 1
    case_worker.refresh_from_db()
    assert case_worker.full_name == "Kari Nordmann"
