"""Hostile input stops at the door: NUL, other control characters and lone surrogates.

PostgreSQL refuses NUL in text, the sanitiser cannot encode a lone surrogate
(JSON ``"\\ud800"``), and neither belongs in anything a person writes. Rather
than teach every view, form and API endpoint, ``InputGuardMiddleware`` looks at
the path, the query string, form fields and JSON bodies before any view (or the
database) sees them and answers 400 with a message naming where the character
was: a short page, or ``{"detail": …}`` under ``/api/``. Tab, line feed and
carriage return are text and pass.

A path with an integer longer than any database id answers 404 here too: the
URL patterns' ``<int:…>`` would otherwise hand it to the database, which cannot
bind it (SQLite) or refuses it (PostgreSQL).

Cookies are another matter: a quoted cookie may spell NUL as ``\\000``, and a
session cookie holding one made PostgreSQL refuse the session lookup, a 500 on
every page, the login page included. A person cannot easily mend a cookie, so a
400 would lock them out: ``CookieGuardMiddleware`` (before the session
middleware) drops such a cookie instead, as if it had never been sent.
"""

from __future__ import annotations

import json
import re

from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _

# C0 and C1 controls except tab, LF and CR; DEL; and the surrogate range.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# 19 digits and more: past 2**63 - 1, the largest id a database row can have.
_HUGE_NUMBER = re.compile(r"(?:^|/)\d{19,}(?:/|$)")
_JSON_TYPES = ("application/json", "application/merge-patch+json")


def text_is_clean(value: str) -> bool:
    return _FORBIDDEN.search(value) is None


def _json_strings(value, depth=0):
    """Every key and string in a decoded JSON document (deep nesting is the parser's problem)."""
    if isinstance(value, str):
        yield "", value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key, key
            for _inner, text in _json_strings(item, depth + 1):
                yield key, text
    elif isinstance(value, list) and depth < 100:
        for item in value:
            yield from _json_strings(item, depth + 1)


def input_problem(request) -> str | None:
    """Where the first forbidden character is, in words for the message; None when all is clean."""
    if not text_is_clean(request.path_info):
        return _("adressen")
    for key, values in request.GET.lists():
        if not text_is_clean(key) or not all(text_is_clean(v) for v in values):
            return _("søkeparameteren «%(name)s»") % {"name": _printable(key)}
    if request.method not in {"POST", "PUT", "PATCH", "DELETE"}:
        return None
    content_type = request.content_type or ""
    if content_type in {"application/x-www-form-urlencoded", "multipart/form-data"}:
        for key, values in request.POST.lists():
            if not text_is_clean(key) or not all(text_is_clean(v) for v in values):
                return _("feltet «%(name)s»") % {"name": _printable(key)}
    elif content_type in _JSON_TYPES or content_type.endswith("+json"):
        try:
            document = json.loads(request.body)
        except (ValueError, RecursionError):
            return None  # not JSON at all: the API answers that with 422
        for key, text in _json_strings(document):
            if not text_is_clean(text):
                return _("feltet «%(name)s»") % {"name": _printable(key) or "?"}
    return None


def _printable(name: str) -> str:
    return _FORBIDDEN.sub("\N{REPLACEMENT CHARACTER}", name)[:60]


def refused_response(request, where: str):
    message = _(
        "Forespørselen inneholder tegn som ikke kan brukes (NUL, kontrolltegn eller "
        "ufullstendige Unicode-tegn) i %(where)s. Fjern dem og prøv igjen."
    ) % {"where": where}
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": message}, status=400)
    return HttpResponseBadRequest(loader.render_to_string("400_input.html", {"message": message}))


class CookieGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cookies = request.COOKIES
        for name in [n for n, v in cookies.items() if not (text_is_clean(n) and text_is_clean(v))]:
            del cookies[name]
        return self.get_response(request)


class InputGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        where = input_problem(request)
        if where is not None:
            return refused_response(request, where)
        # The API checks its ids itself and answers 422, as its schema documents.
        if _HUGE_NUMBER.search(request.path_info) and not request.path_info.startswith("/api/"):
            raise Http404("id out of range")
        return self.get_response(request)
