"""Everyday use (issue 18), measured in the browser on the demo data for kari (case worker),
ola (moderator, the busiest front page), ingrid (handbook editor) and arne (records officer):

* the front page is at most 2 000 px tall at 1280 px;
* on a thread page the first post's text is inside the first viewport (1280 × 800 and 375 × 812);
* the header is one row at 1280 px and folds behind a menu button at 375 px;
* no horizontal scroll at 375 px and no axe-core violations on the main pages.

The demo is loaded once (about a minute); every person and viewport is then checked and
every failure is reported together.
"""

import pytest
from django.core.management import call_command

from tests.e2e.axe import axe_violations, format_violations

pytestmark = pytest.mark.e2e

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}
PEOPLE = ["kari", "ola", "ingrid", "arne"]
FRONT_PAGE_MAX = 2000


def _main_pages():
    from forum.models import LiveChat, Room, Thread
    from handbook.models import HandbookPage

    room = Room.objects.get(slug="erfaringsforum")
    topic = room.topics.order_by("position", "pk").first()
    thread = (
        Thread.objects.filter(topic__room=room, kind="question").order_by("-post_count").first()
    )
    page = HandbookPage.objects.live().order_by("path").first()
    chat = LiveChat.objects.order_by("pk").first()
    return thread, [
        "/",
        "/forum/",
        room.get_absolute_url(),
        topic.get_absolute_url(),
        thread.get_absolute_url(),
        "/handbook/",
        page.url,
        "/search/?q=dagpenger",
        "/forum/varsler/",
        chat.get_absolute_url() if chat else "/forum/nettprat/",
        "/forum/forslag/",
        "/arkiv/offentlig-journal/",
    ]


def _header_rows(page) -> int:
    """How many rows the header's visible items take (their distinct tops, 8 px apart)."""
    tops = page.evaluate(
        """() => [...document.querySelectorAll('.site-header__inner > *, .site-menu > *')]
          .filter(e => e.offsetParent !== null && !e.classList.contains('site-menu'))
          .map(e => Math.round(e.getBoundingClientRect().top))"""
    )
    rows = []
    for top in sorted(tops):
        if not rows or top - rows[-1] > 8:
            rows.append(top)
    return len(rows)


def test_the_demo_users_pages_fit_desktop_and_phone(browser_session, migration_data):
    call_command("seed_demo", verbosity=0)
    from people.models import User

    thread, pages = _main_pages()
    problems = []
    for username in PEOPLE:
        user = User.objects.get(username=username)
        for viewport in (DESKTOP, PHONE):
            session = browser_session().log_in(user)
            page = session.page
            page.set_viewport_size(viewport)
            where = f"{username} @ {viewport['width']}"

            session.goto("/")
            height = page.evaluate("document.documentElement.scrollHeight")
            if viewport is DESKTOP and height > FRONT_PAGE_MAX:
                problems.append(f"{where}: front page is {height} px (max {FRONT_PAGE_MAX})")
            wide = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if wide > 0:
                problems.append(f"{where}: the front page scrolls sideways by {wide} px")
            rows = _header_rows(page)
            if viewport is DESKTOP and rows != 1:
                problems.append(f"{where}: header takes {rows} rows")
            if viewport is PHONE:
                button = page.locator(".site-menu-button")
                if not button.is_visible() or page.locator(".site-nav").is_visible():
                    problems.append(f"{where}: header does not fold behind the menu button")
                else:
                    button.click()
                    if not page.locator(".site-nav").is_visible():
                        problems.append(f"{where}: the menu button does not open the menu")

            session.goto(thread.get_absolute_url())
            first = page.locator(".post-list .post__body").first
            box = first.bounding_box()
            if box is None or box["y"] + 24 > viewport["height"]:
                problems.append(f"{where}: the first post's text starts at {box and box['y']} px")

            for path in pages:
                session.goto(path)
                if viewport is PHONE:
                    wide = page.evaluate(
                        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                    )
                    if wide > 0:
                        problems.append(f"{where}: {path} scrolls sideways by {wide} px")
                if username == "ola":  # axe once per page and viewport: the fullest pages
                    violations = axe_violations(page)
                    if violations:
                        problems.append(f"{where}: {path}\n{format_violations(violations)}")
            session.context.close()
    assert not problems, "\n".join(problems)
