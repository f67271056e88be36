"""``reverse()`` for the many links that differ only in one object id.

A thread page links every post to its edit, history, hide, flag, ... views, and a
front page lists dozens of threads: a hundred ``reverse()`` calls a page, each
resolving the pattern again. The URL of ``name`` with one integer argument is the
same text around the id every time, so each name is reversed once (per script
prefix, URLconf and language) and the id filled in.
"""

import functools

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

_MARK = 987654321  # an id no pattern contains by itself


@functools.lru_cache(maxsize=256)
def _around_id(name: str, script_prefix: str, urlconf, language) -> tuple[str, str] | None:
    url = reverse(name, args=[_MARK], urlconf=urlconf)
    if url.count(str(_MARK)) != 1:
        return None
    before, after = url.split(str(_MARK))
    return before, after


def reverse_id(name: str, pk: int) -> str:
    """``reverse(name, args=[pk])`` for a pattern whose one argument is ``<int:…>``."""
    parts = _around_id(name, get_script_prefix(), get_urlconf(), get_language())
    if parts is None or type(pk) is not int or pk < 0:
        return reverse(name, args=[pk])
    return f"{parts[0]}{pk}{parts[1]}"


def id_url_maker(name: str):
    """``pk -> reverse(name, args=[pk])``, with the pattern looked up once: for a page that
    makes the same link for fifty posts (``reverse_id`` still asks for the script prefix,
    URLconf and language on every call)."""
    parts = _around_id(name, get_script_prefix(), get_urlconf(), get_language())
    if parts is None:
        return lambda pk: reverse(name, args=[pk])
    before, after = parts
    return lambda pk: f"{before}{int(pk)}{after}"
