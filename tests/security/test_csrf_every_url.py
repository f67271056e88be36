"""Every URL that resolves refuses a POST without a CSRF token, for a logged-in person.

The resolver is walked, each pattern gets a URL built from sample values that resolves
back to the same view, and a POST without a token must answer 403 from Django's CSRF
check (before the view runs, so object ids need not exist). Endpoints authenticated by
a token instead of a cookie are the only exceptions, each with its reason.
"""

import itertools

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.utils.regex_helper import normalize

# View path (module.qualname) → why it may take a POST without a CSRF token.
# Empty: the API at /api/v1/ takes bearer tokens (which a browser never sends by
# itself, so they need no CSRF token) but also the session cookie, and then it
# checks CSRF like every form; so it is tested here like everything else.
CSRF_EXEMPT = {}

SAMPLE_VALUES = ["1", "x", "1/", "x/", "0001-01-01", "00000000-0000-0000-0000-000000000000"]


def _view_path(callback):
    callback = getattr(callback, "view_class", callback)
    callback = getattr(callback, "func", callback)  # django-ninja routes are partials
    qualname = getattr(callback, "__qualname__", type(callback).__qualname__)
    return f"{callback.__module__}.{qualname}"


def _walk(patterns, prefix=""):
    for entry in patterns:
        regex = entry.pattern.regex.pattern.removeprefix("^")
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + regex.removesuffix("$"))
        elif isinstance(entry, URLPattern):
            yield prefix + regex, entry


def _sample_url(regex, entry):
    """A concrete URL for ``regex`` that resolves to ``entry``'s view, or None."""
    for template, params in normalize(regex):
        for values in itertools.product(SAMPLE_VALUES, repeat=len(params)):
            url = "/" + template % dict(zip(params, values, strict=True))
            try:
                match = resolve(url)
            except (Resolver404, ValueError, TypeError):
                continue
            if match.func is entry.callback or _view_path(match.func) == _view_path(entry.callback):
                return url
    return None


def post_endpoints():
    endpoints, unreachable = {}, []
    for regex, entry in _walk(get_resolver().url_patterns):
        url = _sample_url(regex.replace("\\Z", "").replace("$", ""), entry)
        if url is None:
            unreachable.append(regex)
        else:
            endpoints.setdefault(url, entry.callback)
    return endpoints, unreachable


def test_every_url_pattern_gets_a_sample_url():
    endpoints, unreachable = post_endpoints()
    assert len(endpoints) > 50  # the forum, people, login and Wagtail's admin at least
    assert not unreachable, f"No sample URL for: {unreachable}"


def _refused_for_csrf(response):
    if response.status_code == 405:  # no POST here at all (csrf_exempt API reads)
        return True
    if response.status_code != 403:
        return False
    # Django's middleware renders 403_csrf.html; views that are csrf_exempt because
    # they check CSRF themselves for cookie sessions (Wagtail's admin API on REST
    # framework, our django-ninja API at /api/v1/) answer with their own message.
    django_refusal = "403_csrf.html" in [t.name for t in response.templates]
    own_check_refusal = b"CSRF" in response.content
    return django_refusal or own_check_refusal


@pytest.mark.django_db
def test_post_without_csrf_token_is_refused_everywhere(case_worker):
    # A superuser gets past every permission gate, so views that check CSRF
    # themselves (Wagtail's admin API runs on Django REST framework, which is
    # csrf_exempt and enforces CSRF in its session authentication) are reached.
    case_worker.is_superuser = True
    case_worker.save(update_fields=["is_superuser"])
    client = Client(enforce_csrf_checks=True)
    client.force_login(case_worker)
    endpoints, _ = post_endpoints()
    accepted = []
    for url, callback in sorted(endpoints.items()):
        if _view_path(callback) in CSRF_EXEMPT:
            continue
        response = client.post(url, {"body": "x", "title": "x"})
        if not _refused_for_csrf(response):
            accepted.append(f"{url} ({_view_path(callback)}): HTTP {response.status_code}")
    assert not accepted, "POST without a CSRF token was not refused:\n" + "\n".join(accepted)


@pytest.mark.django_db
def test_exempt_list_names_only_views_that_exist():
    endpoints, _ = post_endpoints()
    paths = {_view_path(callback) for callback in endpoints.values()}
    assert set(CSRF_EXEMPT) <= paths
