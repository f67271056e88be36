"""The search page and the suggestions under the header's search box."""

import time

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import html, services
from .forms import SearchForm


@require_GET
@login_required
def results(request):
    started = time.perf_counter()
    form = SearchForm(request.GET if request.GET else None)
    results, facets, hits = None, {}, []
    selected = _selected(form)
    searched = None
    if form.is_bound and form.is_valid():
        query = form.to_query()
        if query.text.strip() or not query.filters.is_empty:
            results = services.search_run(user=request.user, query=query)
            searched = time.perf_counter()
            facets = services.facets_with_selected(
                user=request.user, facets=results.facets, selected=selected
            )
            hits = _display_hits(results)
    facet_groups = [
        (
            name,
            services.FACET_LABELS[name],
            [(f, f.value in selected.get(name, ())) for f in facets.get(name, [])],
        )
        for name in ("type", "topic", "room", "unit")
    ]
    response = render(
        request,
        "search/results.html",
        {
            "form": form,
            "results": results,
            "hits": hits,
            "hits_html": html.hits_html(hits),
            "facets_html": html.facets_html(facet_groups),
            "years": facets.get("year", []),
            "selected": selected,
            "sort": (form.cleaned_data.get("sort") if form.is_bound and form.is_valid() else "")
            or "relevance",
        },
    )
    # What the search cost, for the browser's network panel and for monitoring.
    total = (time.perf_counter() - started) * 1000
    timing = [f"total;dur={total:.1f}"]
    if searched is not None:
        timing.insert(0, f"search;dur={(searched - started) * 1000:.1f}")
    response["Server-Timing"] = ", ".join(timing)
    return response


@require_GET
@login_required
def suggest(request):
    prefix = request.GET.get("q", "")[:100]
    suggestions = services.search_suggest(user=request.user, prefix=prefix) if prefix else []
    labelled = [(s, services.TYPE_LABELS.get(s.type, s.type)) for s in suggestions]
    return render(request, "search/suggestions.html", {"suggestions": labelled, "q": prefix})


def _display_hits(results):
    """Hits with the names of their room and topic (from the facets of the same results)."""
    names = {
        name: {f.value: f.label for f in results.facets.get(name, [])}
        for name in ("type", "room", "topic")
    }
    return [
        {
            "hit": hit,
            "type_label": names["type"].get(hit.type, hit.type),
            "room": names["room"].get(str(hit.room_id), ""),
            "topic": names["topic"].get(str(hit.topic_id), ""),
        }
        for hit in results.hits
    ]


def _selected(form) -> dict[str, set[str]]:
    """Filter values as typed (strings), to tick the boxes whatever validation said."""
    if not form.is_bound:
        return {}
    return {name: set(form.data.getlist(name)) for name in ("type", "topic", "room", "unit")}
