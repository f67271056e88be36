"""The law-name table in use: ``search.text.DEFAULT_LAWS`` plus what editors added.

Read once per process and kept for ``TTL`` seconds (a search must not cost a query
for it); the admin hook calls :func:`forget` after an edit so the editor's own
process sees the change at once. Documents get the new tokens at the next reindex.
"""

from __future__ import annotations

import time

from django.db import DatabaseError

from . import text

TTL = 300.0
_cached: tuple[float, text.LawTable] | None = None


def current_table() -> text.LawTable:
    global _cached
    now = time.monotonic()
    if _cached is None or now - _cached[0] > TTL:
        _cached = (now, _build())
    return _cached[1]


def forget() -> None:
    global _cached
    _cached = None


def _build() -> text.LawTable:
    from .models import LawName

    laws = {abbr: list(names) for abbr, names in text.DEFAULT_LAWS.items()}
    try:
        rows = list(LawName.objects.all())
    except DatabaseError:  # not migrated yet
        rows = []
    for row in rows:
        key = row.abbreviation.lower().rstrip(".")
        laws.setdefault(key, []).extend(row.name_list())
    return text.LawTable(laws)
