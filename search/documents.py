"""What the index holds and what a search returns: the same shapes for every backend.

A provider (``forum/search.py``, ``handbook/search.py``, ``archive/search.py``)
turns its objects into :class:`SearchDocument`; a backend stores them and
answers a :class:`SearchQuery` for a set of principals with
:class:`SearchResults`. Nothing here knows about Django models.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import ClassVar

# Document types (the first facet). The key of a document starts with its source,
# e.g. "forum.thread:12", "handbook.page:7", "archive.entry:31".
HANDBOOK, FORUM, ARCHIVE = "handbook", "forum", "archive"
TYPES = (HANDBOOK, FORUM, ARCHIVE)

# Facets every backend counts, in the order the page shows them.
FACETS = ("type", "topic", "room", "unit", "year")


@dataclass(frozen=True)
class SearchDocument:
    """One searchable thing, and who may see it.

    ``principals`` is the set of principals that may see the document
    (``access.principals_of``); a person sees it when their
    ``principals_for`` shares at least one. ``boost`` multiplies the relevance
    (1.0 is normal; clarifications and verified answers are raised by their
    provider). ``extra`` holds small display facts (e.g. ``{"kind": "question"}``)
    that are stored, not searched.
    """

    key: str
    type: str
    title: str
    body: str
    url: str
    principals: frozenset[str]
    date: dt.datetime | None = None
    room_id: int | None = None
    topic_id: int | None = None
    unit_id: int | None = None
    boost: float = 1.0
    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.type not in TYPES:
            raise ValueError(f"Unknown document type {self.type!r}")
        if not self.principals:
            # A document nobody may see is a provider bug, not a private document.
            raise ValueError(f"{self.key}: a document needs at least one principal")
        if ":" not in self.key:
            raise ValueError(f"{self.key}: keys look like 'forum.thread:12'")

    @property
    def object_key(self) -> str:
        """The key without a variant: 'archive.entry:31' for 'archive.entry:31#public'."""
        return self.key.split("#", 1)[0]

    @property
    def source(self) -> str:
        """The provider part of the key: 'forum.thread' for 'forum.thread:12'."""
        return self.object_key.rsplit(":", 1)[0]


@dataclass(frozen=True)
class SearchFilters:
    types: tuple[str, ...] = ()
    topic_ids: tuple[int, ...] = ()
    room_ids: tuple[int, ...] = ()
    unit_ids: tuple[int, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    # Dates as far out as year 1 or 9999 are valid input but overflow time-zone
    # arithmetic; nothing Fagrom holds lies outside these bounds, so clamp to them.
    EARLIEST: ClassVar[dt.date] = dt.date(1900, 1, 1)
    LATEST: ClassVar[dt.date] = dt.date(9000, 12, 31)

    def __post_init__(self):
        for name in ("date_from", "date_to"):
            day = getattr(self, name)
            if day is not None:
                object.__setattr__(self, name, min(max(day, self.EARLIEST), self.LATEST))

    @property
    def is_empty(self) -> bool:
        return not (
            self.types
            or self.topic_ids
            or self.room_ids
            or self.unit_ids
            or self.date_from
            or self.date_to
        )


SORTS = ("relevance", "newest", "oldest")


@dataclass(frozen=True)
class SearchQuery:
    text: str
    filters: SearchFilters = SearchFilters()
    page: int = 1
    per_page: int = 20
    sort: str = "relevance"  # one of SORTS

    @property
    def offset(self) -> int:
        return (max(self.page, 1) - 1) * self.per_page


@dataclass(frozen=True)
class Hit:
    key: str
    type: str
    title: str
    url: str
    # Safe HTML: escaped document text with the matches wrapped in <mark>.
    snippet: str
    title_html: str
    score: float
    date: dt.datetime | None = None
    room_id: int | None = None
    topic_id: int | None = None
    unit_id: int | None = None
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class FacetCount:
    value: str
    count: int
    label: str = ""


@dataclass(frozen=True)
class SearchResults:
    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetCount]]
    query: SearchQuery
    # "Mente du …?": a corrected query text that finds something, when this found nothing.
    did_you_mean: str | None = None

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.per_page))


@dataclass(frozen=True)
class Suggestion:
    title: str
    url: str
    type: str
