"""Content-Security-Policy and the other headers every response carries."""

import re

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from fagrom.middleware import ContentSecurityPolicyMiddleware
from tests.forum.factories import ThreadFactory


def _directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_pages_forbid_inline_scripts_and_styles(client, case_worker):
    client.force_login(case_worker)
    response = client.get(reverse("home"))
    csp = _directives(response["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]


def test_login_page_carries_the_strict_policy_and_other_security_headers(client, db):
    response = client.get(reverse("login"))
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_wagtail_admin_gets_the_relaxed_policy_only_under_admin(client, administrator):
    # Wagtail's admin renders inline <script> (inline panels, date pickers) and style attributes.
    client.force_login(administrator)
    response = client.get("/admin/")
    csp = _directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in csp["script-src"]
    assert "'unsafe-eval'" not in csp["script-src"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'self'"]


def test_report_only_mode_sends_the_report_only_header(client, db, settings):
    settings.CSP_REPORT_ONLY = True
    settings.CSP_REPORT_URI = "/csp-report/"
    middleware = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())
    response = middleware(RequestFactory().get("/"))
    assert "Content-Security-Policy" not in response
    assert response["Content-Security-Policy-Report-Only"].endswith("report-uri /csp-report/")


INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")[^>]*>", re.I
)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.I)


@pytest.mark.parametrize(
    "page",
    ["login", "home", "forum", "topic", "thread", "thread_new", "profile", "profile_edit"],
)
def test_fagrom_pages_have_no_inline_script_handler_or_style(client, case_worker, topic, page):
    """What the strict policy would block must not be in our templates in the first place."""
    thread = ThreadFactory(topic=topic, author=case_worker)
    urls = {
        "login": reverse("login"),
        "home": reverse("home"),
        "forum": reverse("forum:index"),
        "topic": reverse("forum:topic", args=[topic.room.slug, topic.slug]),
        "thread": thread.get_absolute_url(),
        "thread_new": reverse("forum:thread_new", args=[topic.room.slug, topic.slug]),
        "profile": case_worker.get_absolute_url(),
        "profile_edit": reverse("people:profile_edit"),
    }
    if page != "login":
        client.force_login(case_worker)
    html = client.get(urls[page]).content.decode()
    assert not INLINE_SCRIPT.search(html)
    assert not EVENT_HANDLER.search(html)
    assert not STYLE_ATTRIBUTE.search(html)
