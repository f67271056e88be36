"""Searching as a person: their principals, the backend's answer, and readable facet labels.

Views and the API call these; they never call a backend directly, so access is
always applied the same way. Principals come live from ``access``: a
change of room membership changes what a person finds at once, no reindex needed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
from collections.abc import Callable

from django.db.models import CharField, Value
from django.utils.translation import gettext_lazy as _

import access
from fagrom import generations
from forum.models import Room, Thread, Topic
from people.models import OrgUnit

from .backends import SearchBackend, get_backend
from .documents import (
    ARCHIVE,
    FORUM,
    HANDBOOK,
    FacetCount,
    SearchQuery,
    SearchResults,
    Suggestion,
)
from .providers import PROVIDERS

TYPE_LABELS = {HANDBOOK: _("Håndbok"), FORUM: _("Forum"), ARCHIVE: _("Arkiv")}
FACET_LABELS = {
    "type": _("Type"),
    "topic": _("Tema"),
    "room": _("Rom"),
    "unit": _("Enhet"),
    "year": _("År"),
}


def search_run(*, user, query: SearchQuery, backend: SearchBackend | None = None) -> SearchResults:
    backend = backend or get_backend()
    results = backend.search(query, access.principals_for(user))
    return dataclasses.replace(results, facets=_labelled(results.facets))


def search_suggest(
    *, user, prefix: str, limit: int = 8, backend: SearchBackend | None = None
) -> list[Suggestion]:
    backend = backend or get_backend()
    return backend.suggest(prefix, access.principals_for(user), limit=limit)


def index_rebuild(
    *,
    backend: SearchBackend | None = None,
    progress: Callable[[int], None] | None = None,
    resume: bool = False,
) -> int:
    """Rebuild the whole index from every provider (searches keep working meanwhile).

    On the database backend the rebuild commits batch by batch; ``resume`` continues
    an interrupted one from where it stopped. Elasticsearch builds a new index and
    swaps it in at the end, so there ``resume`` starts over.
    """
    backend = backend or get_backend()
    if hasattr(backend, "rebuild_from"):
        return backend.rebuild_from(documents_after, progress=progress, resume=resume)
    docs = itertools.chain.from_iterable(p.documents() for p in PROVIDERS)
    return backend.rebuild(docs, progress=progress)


def documents_after(position: dict):
    """Every provider's documents from ``position`` on (``{"source": …, "pk": …}``, the
    last object a build committed; that object is indexed again, as its variants may
    have been split over two batches). Sources before it are skipped."""
    sources = [p.SOURCE for p in PROVIDERS]
    start = sources.index(position["source"]) if position.get("source") in sources else 0
    for provider in PROVIDERS[start:]:
        after = position.get("pk") if provider.SOURCE == position.get("source") else None
        if after is None:
            yield from provider.documents()
        elif provider.SOURCE in RESUMABLE:
            pks = list(RESUMABLE[provider.SOURCE](after))
            for i in range(0, len(pks), RESUME_CHUNK):
                yield from provider.documents(pks=pks[i : i + RESUME_CHUNK])
        else:  # a small source: made again, the documents before the position skipped
            for doc in provider.documents():
                pk = doc.object_key.rsplit(":", 1)[1]
                if not pk.isdigit() or int(pk) >= after:
                    yield doc


# Sources large enough that a resumed build should not even make their earlier
# documents: the primary keys from a position on, in the provider's order.
RESUMABLE = {
    "forum.thread": lambda after: (
        Thread.objects.filter(pk__gte=after).order_by("pk").values_list("pk", flat=True)
    )
}
RESUME_CHUNK = 2000


def index_size() -> int | None:
    """How many objects the providers will be asked for (for a progress bar), if they say."""
    counts = [getattr(p, "count", None) for p in PROVIDERS]
    if any(c is None for c in counts):
        return None
    return sum(c() for c in counts)


def _labelled(facets):
    """Facet values with names. Ids come only from documents the person may see.

    One statement for the three kinds (a UNION of ``values_list`` rows), kept under the
    content generation by the ids asked for (a frequent word asks for the same few dozen
    names on every search, and building the statement cost ~2 ms): a rename is a write,
    so the next search names it anew.
    """

    def ids(name):
        return sorted(int(f.value) for f in facets.get(name, []) if f.value.isdigit())

    wanted = {kind: ids(kind) for kind in ("topic", "room", "unit")}
    digest = hashlib.blake2b(repr(sorted(wanted.items())).encode(), digest_size=16).hexdigest()
    names = {
        **generations.cached(f"search-names:{digest}", make=lambda: _names(wanted)),
        "type": {k: str(v) for k, v in TYPE_LABELS.items()},
    }
    return {
        # FacetCount(...) rather than dataclasses.replace: a tenth of the cost, 100 times a page.
        name: [
            FacetCount(
                value=f.value, count=f.count, label=names.get(name, {}).get(f.value, f.value)
            )
            for f in values
        ]
        for name, values in facets.items()
    }


def _names(wanted: dict[str, list[int]]) -> dict[str, dict[str, str]]:
    def names_of(model, kind):
        return (
            model.objects.filter(pk__in=wanted[kind])
            .order_by()
            .annotate(facet=Value(kind, output_field=CharField()))
            .values_list("facet", "pk", "name")
        )

    kinds = [(Topic, "topic"), (Room, "room"), (OrgUnit, "unit")]
    queries = [names_of(model, kind) for model, kind in kinds if wanted[kind]]
    names: dict[str, dict[str, str]] = {}
    if queries:
        for kind, pk, name in queries[0].union(*queries[1:], all=True):
            names.setdefault(kind, {})[str(pk)] = name
    return names


def facets_with_selected(*, user, facets, selected: dict[str, set[str]]):
    """Facets plus any selected value the results no longer contain (count 0), so it
    can be unticked. Labels for those come from what the person may see, never
    from the id alone, so a made-up room id does not reveal a closed room's name."""
    visible = {
        "topic": lambda ids: {
            str(t.pk): t.name for t in access.topics_visible_to(user).filter(pk__in=ids)
        },
        "room": lambda ids: {
            str(r.pk): r.name for r in access.rooms_visible_to(user).filter(pk__in=ids)
        },
        "unit": lambda ids: {str(u.pk): u.name for u in OrgUnit.objects.filter(pk__in=ids)},
        "type": lambda ids: {k: str(v) for k, v in TYPE_LABELS.items()},
    }
    result = dict(facets)
    for name, values in selected.items():
        present = {f.value for f in facets.get(name, [])}
        missing = [v for v in values if v not in present and (name == "type" or v.isdigit())]
        if not missing:
            continue
        labels = visible[name]([int(v) for v in missing if v.isdigit()])
        result[name] = list(facets.get(name, [])) + [
            FacetCount(value=v, count=0, label=labels.get(v, f"#{v}")) for v in missing
        ]
    return result
