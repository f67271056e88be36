"""The front page, assembled: each app's sections for everyone and its role panels.

The view only calls ``front_page_for``; every list here comes from an app's
``dashboard`` module, which reads through ``access``. The query count
is fixed: each panel costs one or two queries whatever the person can see.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.safestring import SafeString

import access
from archive import dashboard as archive_dashboard
from forum import dashboard as forum_dashboard
from handbook import dashboard as handbook_dashboard

from . import generations
from .panels import Panel

# The feed is "what is new": it reaches back this many pages, so paging it never
# counts every thread a person can see (older threads are in the forum's listings).
FEED_MAX_PAGES = 10
ROOMS_SHOWN = 20  # the "Dine rom" list; the forum's front lists them all


class _FeedPaginator(Paginator):
    """Counts a plain queryset of the same rows: the feed's per-row "unread" subqueries
    would otherwise be computed for every row just to count them."""

    def __init__(self, object_list, per_page, *, counted):
        super().__init__(object_list, per_page)
        self._counted = counted

    @cached_property
    def count(self):
        return self._counted.count()


@dataclass
class FrontPage:
    feed: Page  # what is new where the person has access (paginated)
    feed_page_range: list
    sections: list[Panel]  # for everyone
    role_panels: list[Panel]  # only those of the person's roles
    rooms: list  # the first ROOMS_SHOWN rooms the person sees
    rooms_total: int
    statistics_link: bool  # administrators and moderators get the forum's statistics


# Sections for everyone, in the order a case worker needs them; unknown keys go last.
SECTION_ORDER = (
    "notifications",
    "answers",
    "required-reading",
    "followed",
    "clarifications",
    "handbook-changes",
    "ideas",
)


def _in_order(panels: list[Panel]) -> list[Panel]:
    rank = {key: i for i, key in enumerate(SECTION_ORDER)}
    return sorted(panels, key=lambda p: rank.get(p.key, len(rank)))


def front_page_for(user, *, page_number=None) -> FrontPage:
    size = settings.FRONT_PAGE_FEED_SIZE
    limit = size * FEED_MAX_PAGES
    paginator = _FeedPaginator(
        forum_dashboard.feed_for(user)[:limit],
        size,
        counted=forum_dashboard.feed_threads(user)[:limit],
    )
    feed = paginator.get_page(page_number)
    sections = _in_order([*forum_dashboard.panels_for(user), *handbook_dashboard.panels_for(user)])
    role_panels = [
        *forum_dashboard.role_panels_for(user),
        *handbook_dashboard.role_panels_for(user),
        *archive_dashboard.role_panels_for(user),
    ]
    return FrontPage(
        feed=feed,
        feed_page_range=list(paginator.get_elided_page_range(feed.number, on_ends=1)),
        sections=sections,
        role_panels=role_panels,
        rooms=list(access.rooms_visible_to(user)[:ROOMS_SHOWN]),
        rooms_total=access.rooms_visible_count(user),
        statistics_link=access.can_see_statistics(user),
    )


def front_page_html(request) -> SafeString:
    """The front page's content for ``request.user``, from the cache while nothing changed.

    Kept under the current generations (any write, or the person's own reading, makes it
    stale; ``fagrom.generations``) and the person's grants version, per page of the feed,
    language and time zone. It holds no CSRF token and nothing else tied to the request.
    """
    user = request.user
    page = request.GET.get("page", "")

    def make():
        front = front_page_for(user, page_number=page or None)
        context = {"front": front, "page_obj": front.feed, "page_range": front.feed_page_range}
        return render_to_string("frontpage/content.html", context, request=request)

    if page and not (page.isdigit() and len(page) <= 6):
        return SafeString(make())  # an odd page number: not worth a key of its own
    key = ":".join(
        (
            "front",
            str(user.pk),
            page or "1",
            translation.get_language(),
            timezone.get_current_timezone_name(),
        )
    )
    return SafeString(
        generations.cached(key, user=user, make=make, extra=(access.grants_version(user),))
    )
