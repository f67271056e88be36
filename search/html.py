"""The search page's hit list and filter boxes as HTML, in one pass without template nodes.

A frequent word's page shows 20 hits and about a hundred filter values (every topic, room
and unit among the hits, with counts); through template variables, filters and ``{% if %}``
chains that was ~1 000 variable lookups and ~15 ms of the page's ~28 ms CPU at 1 M posts
(``bench/RESULTS.md``). Plain f-strings with every value escaped here (``_e``), not
``format_html``, which cost ~20 µs per filter value; the title and snippet come safe from
the search backend (escaped text with ``<mark>``).
"""

from __future__ import annotations

import html
import re

from django.utils import formats
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.timezone import template_localtime
from django.utils.translation import gettext

_SLUG_SAFE = re.compile(r"[a-z0-9_-]+")


def _e(value) -> str:
    return html.escape(str(value))  # str(): labels may be lazy translations


def _slug(value: str) -> str:
    # Facet values are ids and type names: already slugs, so ``slugify`` only for others.
    return value if _SLUG_SAFE.fullmatch(value) else slugify(value)


def facet_group_html(name: str, label, values) -> SafeString:
    """One filter box: a checkbox per value ``(FacetCount, checked)``, or nothing."""
    if not values:
        return mark_safe("")
    name = _e(name)
    options = []
    for f, checked in values:
        ident = f"f-{name}-{_e(_slug(f.value))}"
        options.append(
            '<div class="ds-field search-facet__option">'
            f'<input class="ds-input" type="checkbox" id="{ident}" name="{name}"'
            f' value="{_e(f.value)}"{" checked" if checked else ""}>'
            f'<label for="{ident}">{_e(f.label)} <span class="meta">({int(f.count)})</span>'
            "</label></div>"
        )
    return mark_safe(
        f'<fieldset class="ds-fieldset search-facet"><legend>{_e(label)}</legend>\n'
        + "\n".join(options)
        + "\n</fieldset>"
    )


def facets_html(facet_groups) -> SafeString:
    """The filter boxes of ``facet_groups`` (``(name, label, [(FacetCount, checked)])``)."""
    return mark_safe("\n".join(facet_group_html(*group) for group in facet_groups))


def _meta(item) -> str:
    hit = item["hit"]
    extra = hit.extra or {}
    parts = [
        f'<span class="ds-tag" data-size="sm" data-color="neutral">{_e(item["type_label"])}</span>'
    ]
    where = _e(item["room"]) if item["room"] else ""
    if item["topic"]:
        where += f" › {_e(item['topic'])}"
    if where:
        parts.append(where)
    if hit.type == "handbook":
        section = extra.get("section")
        prefix = f"{_e(section)} · " if section and section != hit.title else ""
        parts.append(
            prefix + _e(gettext("versjon %(version)s") % {"version": extra.get("version", "")})
        )
    if hit.type == "archive":
        text = _e(gettext("journalpost %(id)s") % {"id": extra.get("registry_id", "")})
        if extra.get("variant") == "public":
            text += " · " + _e(gettext("offentlig journal"))
        parts.append(text)
    if hit.date:
        local = template_localtime(hit.date)
        short = _e(formats.date_format(local, "SHORT_DATE_FORMAT"))
        parts.append(f'· <time datetime="{local.isoformat()}">{short}</time>')  # isoformat: "c"
    return " ".join(parts)


def _archive_details(extra) -> str:
    case = " ".join(str(v) for v in (extra.get("case_number"), extra.get("case_title")) if v)
    rows = [(gettext("Sak"), case)]
    for key, label in (
        ("entry_type", gettext("Dokumenttype")),
        ("sender", gettext("Avsender")),
        ("screening", gettext("Skjerming")),
    ):
        if extra.get(key):
            rows.append((label, extra[key]))
    cells = "".join(f"<div><dt>{_e(dt)}</dt><dd>{_e(dd)}</dd></div>" for dt, dd in rows)
    return f'<dl class="search-hit__archive">{cells}</dl>'


def hit_html(item) -> SafeString:
    """One hit: its linked title, type, where and when, and the snippet (or the journal
    entry's case, document type, sender and screening)."""
    hit = item["hit"]
    extra = hit.extra or {}
    if hit.type == "archive" and extra.get("case_number"):
        body = _archive_details(extra)
    else:
        body = (
            f'<p class="ds-paragraph search-hit__snippet">{hit.snippet}</p>'  # safe: the backend's
        )
    return mark_safe(
        '<li class="search-hit"><h3 class="ds-heading" data-size="2xs">'
        f'<a class="ds-link" href="{_e(hit.url)}">{hit.title_html}</a></h3>'  # safe: the backend's
        f'<p class="ds-paragraph meta" data-size="sm">{_meta(item)}</p>{body}</li>'
    )


def hits_html(items) -> SafeString:
    return mark_safe("\n".join(hit_html(item) for item in items))
