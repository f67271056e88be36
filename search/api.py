"""Search over HTTP: ``GET /api/v1/search`` and ``GET /api/v1/search/suggest``.

``router`` is mounted on the project API in ``fagrom/api/project.py`` (which authenticates:
session or personal API token). The same services and access as the search page:
a hit, a count or a facet from a room the caller is not in never appears.
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from fagrom.api.common import ObjectId, errors

from . import services
from .documents import SearchFilters, SearchQuery

router = Router(tags=["search"])

MAX_PAGE = 500


class SearchParams(Schema):
    q: str = Field("", max_length=500, description="Søketekst")
    type: list[str] = Field(default_factory=list, description="handbook, forum, archive")
    topic: list[ObjectId] = Field(default_factory=list)
    room: list[ObjectId] = Field(default_factory=list)
    unit: list[ObjectId] = Field(default_factory=list)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    page: int = Field(1, ge=1, le=MAX_PAGE)
    per_page: int = Field(20, ge=1, le=100)


class HitOut(Schema):
    key: str
    type: str
    title: str
    url: str
    title_html: str = Field(description="Escaped title, matches in <mark>")
    snippet: str = Field(description="Escaped text, matches in <mark>")
    date: dt.datetime | None
    room_id: int | None
    topic_id: int | None
    unit_id: int | None
    score: float
    extra: dict = Field(
        description="Display facts by type: forum kind/posts/clarified/verified; handbook "
        "section/version/status; archive registry_id/journal_date/status (variant "
        "'public' for the public-journal view)"
    )


class FacetOut(Schema):
    value: str
    label: str
    count: int


class SearchOut(Schema):
    q: str
    total: int
    page: int
    pages: int
    hits: list[HitOut]
    facets: dict[str, list[FacetOut]]


class SuggestionOut(Schema):
    title: str
    url: str
    type: str


def _authenticated(request: HttpRequest):
    """The caller: what the API's authentication put in ``request.auth``, else the session."""
    auth = getattr(request, "auth", None)
    user = auth if hasattr(auth, "is_authenticated") else request.user
    if not user.is_authenticated:
        raise HttpError(401, gettext("Innlogging kreves."))
    return user


@router.get("/search", response={200: SearchOut, **errors()}, url_name="search")
def search(request, params: Query[SearchParams]):
    user = _authenticated(request)
    if params.date_from and params.date_to and params.date_from > params.date_to:
        params.date_to = params.date_from
    query = SearchQuery(
        text=params.q,
        filters=SearchFilters(
            types=tuple(params.type),
            topic_ids=tuple(params.topic),
            room_ids=tuple(params.room),
            unit_ids=tuple(params.unit),
            date_from=params.date_from,
            date_to=params.date_to,
        ),
        page=params.page,
        per_page=params.per_page,
    )
    results = services.search_run(user=user, query=query)
    return {
        "q": params.q,
        "total": results.total,
        "page": query.page,
        "pages": results.pages,
        "hits": [h.__dict__ for h in results.hits],
        "facets": {name: [f.__dict__ for f in values] for name, values in results.facets.items()},
    }


@router.get(
    "/search/suggest", response={200: list[SuggestionOut], **errors()}, url_name="search_suggest"
)
def suggest(request, q: str = Query("", max_length=100)):
    user = _authenticated(request)
    return [s.__dict__ for s in services.search_suggest(user=user, prefix=q)]
