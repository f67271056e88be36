"""The search page in a real browser: visible highlights, sorting, facets that
combine and apply at once, keyboard suggestions, and axe with 0 violations."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from forum import search as forum_search
from search.backends import get_backend
from tests.e2e.axe import assert_accessible
from tests.forum.factories import ThreadFactory, TopicFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def corpus(topic, case_worker):
    other = TopicFactory(room=topic.room, name="Sykepenger", slug="sykepenger")
    now = timezone.now()
    made = {}
    for title, where, days in (
        ("Dagpenger og permittering i 2024", topic, 400),
        ("Dagpenger etter klage", other, 30),
        ("Ny rutine for dagpenger", topic, 2),
    ):
        thread = ThreadFactory(topic=where, title=title, created_at=now - dt.timedelta(days=days))
        thread.last_post_at = now - dt.timedelta(days=days)
        thread.save(update_fields=["last_post_at"])
        made[title] = thread
    get_backend("database").rebuild(forum_search.documents())
    return {"topics": (topic, other), **made}


@pytest.fixture
def kari(web, case_worker):
    return web.log_in(case_worker)


def hit_titles(page):
    return page.locator(".search-hit h3").all_inner_texts()


def test_highlight_background_differs_from_the_page_and_the_page_passes_axe(kari, corpus):
    kari.goto(reverse("search:results") + "?q=dagpenger")
    mark = kari.page.locator(".search-hit mark").first
    expect(mark).to_be_visible()
    mark_bg = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    page_bg = kari.page.evaluate(
        "() => getComputedStyle(document.querySelector('.search-hit').closest('main') || document.body).backgroundColor"
    )
    body_bg = kari.page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert mark_bg not in (page_bg, body_bg, "rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
    assert_accessible(kari.page)


def test_sorting_changes_the_order_at_once(kari, corpus):
    kari.goto(reverse("search:results") + "?q=dagpenger")
    kari.page.get_by_label("Sorter").select_option("oldest")
    expect(kari.page.locator(".search-hit h3").first).to_have_text(
        "Dagpenger og permittering i 2024"
    )
    assert "sort=oldest" in kari.page.url  # the address can be shared
    kari.page.get_by_label("Sorter").select_option("newest")
    expect(kari.page.locator(".search-hit h3").first).to_have_text("Ny rutine for dagpenger")


def test_two_values_of_one_facet_can_be_ticked_and_apply_at_once(kari, corpus):
    first, second = corpus["topics"]
    kari.goto(reverse("search:results") + "?q=dagpenger")
    kari.page.locator(f"#f-topic-{second.pk}").check()
    expect(kari.page.locator(".search-hit")).to_have_count(1)
    expect(kari.page.locator(".search-hit h3").first).to_have_text("Dagpenger etter klage")
    # The other topic is still offered beside the ticked one.
    other = kari.page.locator(f"#f-topic-{first.pk}")
    expect(other).to_be_visible()
    other.check()
    expect(kari.page.locator(".search-hit")).to_have_count(3)
    expect(kari.page.locator(f"#f-topic-{second.pk}")).to_be_checked()
    assert_accessible(kari.page)


def test_facets_work_without_javascript(browser, live_server, case_worker, corpus):
    from tests.e2e.conftest import BrowserSession

    _, second = corpus["topics"]
    context = browser.new_context(
        base_url=live_server.url, locale="nb-NO", java_script_enabled=False
    )
    try:
        nojs = BrowserSession(context, live_server.url).log_in(case_worker)
        nojs.goto(reverse("search:results") + "?q=dagpenger")
        nojs.page.locator(f"#f-topic-{second.pk}").check()
        with nojs.page.expect_navigation():
            nojs.page.get_by_role("button", name="Bruk filtrene").click()
        expect(nojs.page.locator(".search-hit")).to_have_count(1)
    finally:
        context.close()


def test_suggestions_are_a_combobox_used_with_the_keyboard(kari, corpus):
    kari.goto("/")
    box = kari.page.get_by_role("combobox", name="Søk i håndbok, forum og arkiv")
    box.fill("dagpenger")
    listbox = kari.page.get_by_role("listbox", name="Forslag")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")
    first = listbox.get_by_role("option").first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    expect(box).to_be_focused()
    box.press("ArrowDown")
    expect(listbox.get_by_role("option").nth(1)).to_have_attribute("aria-selected", "true")
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("ArrowDown")
    chosen = listbox.get_by_role("option").first
    href = chosen.get_by_role("link").get_attribute("href")
    with kari.page.expect_navigation():
        box.press("Enter")
    assert kari.page.url.endswith(href)
