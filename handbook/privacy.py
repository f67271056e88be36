"""Which handbook pages carry a privacy restriction (facts about pages, not about people).

Wagtail's page "Privacy" setting (PageViewRestriction) applies to the page and every page
below it. Who passes a restriction is decided in ``access.handbook``; this module only
reads the restrictions, so the model layer (block texts) can leave private pages out
without importing the access layer.
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.models import PageViewRestriction

from fagrom.generations import cached


@dataclass(frozen=True)
class PageRestriction:
    """One view restriction (not "login") on a page of Wagtail's tree."""

    id: int
    page_id: int
    path: str  # the restricted page's tree path; the pages below it share the prefix
    kind: str
    group_ids: frozenset[int]


def handbook_restrictions() -> tuple[PageRestriction, ...]:
    """Every restriction that limits who reads a page (one query; there are few).

    Shared by every request (search principals, handbook pages) and kept under the
    content generation: saving a restriction or changing its groups bumps it, so the
    next request reads the new set.
    """
    return cached("handbook:restrictions", make=_read_restrictions)


def _read_restrictions() -> tuple[PageRestriction, ...]:
    rows = (
        PageViewRestriction.objects.exclude(restriction_type=PageViewRestriction.LOGIN)
        .order_by("id")
        .values_list("id", "page_id", "page__path", "restriction_type", "groups__id")
    )
    found: dict[int, tuple] = {}
    groups: dict[int, set[int]] = {}
    for rid, page_id, path, kind, group_id in rows:
        found[rid] = (page_id, path, kind)
        groups.setdefault(rid, set())
        if group_id is not None:
            groups[rid].add(group_id)
    return tuple(
        PageRestriction(rid, page_id, path, kind, frozenset(groups[rid]))
        for rid, (page_id, path, kind) in found.items()
    )


def handbook_page_is_private(page, restrictions=None) -> bool:
    """Does a restriction other than "login" apply to ``page`` (on it or a page above)?"""
    restrictions = handbook_restrictions() if restrictions is None else restrictions
    return any(page.path.startswith(r.path) for r in restrictions)
