"""axe-core (WCAG 2.1 A and AA rules) on every main page type: zero violations."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from forum import services
from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e


@pytest.fixture
def thread(topic, case_worker, moderator):
    thread = services.thread_start(
        topic=topic,
        author=case_worker,
        title="Dagpenger under permittering",
        kind="question",
        body="Hvordan regner vi **dagpengegrunnlaget**?\n\n- punkt én\n- punkt to",
    )
    post = services.post_reply(
        thread=thread, author=moderator, body="Se [rundskrivet](https://lovdata.no/)."
    )
    services.post_edit(
        post=post, by=moderator, body="Se [rundskrivet til § 4-4](https://lovdata.no/)."
    )
    return thread


@pytest.fixture
def kari(web, case_worker):
    return web.log_in(case_worker)


def test_front_page_is_accessible(kari, thread):
    kari.goto("/")
    assert_accessible(kari.page)


def test_forum_index_is_accessible(kari, thread):
    kari.goto(reverse("forum:index"))
    assert_accessible(kari.page)


def test_room_page_is_accessible(kari, thread):
    kari.goto(thread.topic.room)
    assert_accessible(kari.page)


def test_topic_page_is_accessible(kari, thread):
    kari.goto(thread.topic)
    assert_accessible(kari.page)


def test_thread_page_is_accessible(kari, thread):
    kari.goto(thread)
    assert_accessible(kari.page)


def test_new_thread_form_is_accessible(kari, topic):
    kari.goto(reverse("forum:thread_new", args=[topic.room.slug, topic.slug]))
    assert_accessible(kari.page)


def test_new_thread_form_with_errors_is_accessible(kari, topic):
    kari.goto(reverse("forum:thread_new", args=[topic.room.slug, topic.slug]))
    kari.page.get_by_role("button", name="Publiser").click()
    kari.page.wait_for_load_state()
    assert kari.page.locator(".ds-validation-message").count() >= 2
    assert_accessible(kari.page)


def test_post_edit_form_is_accessible(web, moderator, thread):
    web.log_in(moderator)
    web.goto(reverse("forum:post_edit", args=[thread.posts.last().pk]))
    assert_accessible(web.page)


def test_post_history_is_accessible(web, moderator, thread):
    web.log_in(moderator)
    web.goto(reverse("forum:post_history", args=[thread.posts.last().pk]))
    assert_accessible(web.page)


def test_profile_page_is_accessible(kari, moderator):
    kari.goto(moderator.get_absolute_url())
    assert_accessible(kari.page)


def test_profile_edit_form_is_accessible(kari):
    kari.goto(reverse("people:profile_edit"))
    assert_accessible(kari.page)


def test_login_page_is_accessible(web, db):
    web.goto(reverse("login"))
    assert_accessible(web.page)


def test_not_found_page_is_accessible(kari):
    kari.goto("/forum/trad/999999/", expect_status=404)
    assert_accessible(kari.page)


def test_accessibility_statement_is_accessible(web, db):
    web.goto(reverse("accessibility_statement"))
    assert_accessible(web.page)


def test_room_members_page_with_search_results_is_accessible(
    web, room_owner, colleague, closed_room
):
    web.log_in(room_owner)
    web.goto(reverse("forum:room_members", args=[closed_room.slug]) + "?q=Jonas")
    assert web.page.get_by_role("button", name="Legg til Jonas Berg").is_visible()
    assert_accessible(web.page)


def test_room_audit_log_is_accessible(web, room_owner, closed_room):
    web.log_in(room_owner)
    web.goto(reverse("forum:room_audit", args=[closed_room.slug]))
    assert_accessible(web.page)


def test_handbook_page_is_accessible(kari, handbook_page):
    kari.goto(handbook_page.url)
    assert_accessible(kari.page)


def test_handbook_change_log_is_accessible(kari, handbook_page):
    kari.goto(reverse("handbook:page_changelog", args=[handbook_page.pk]))
    assert kari.page.get_by_role("row").count() >= 3  # header and two versions
    assert_accessible(kari.page)


def test_handbook_diff_is_accessible(kari, handbook_page):
    kari.goto(reverse("handbook:diff", args=[handbook_page.pk]))
    assert kari.page.locator("main ins").count() >= 1
    assert_accessible(kari.page)


def test_search_results_with_hits_are_accessible(kari, thread):
    kari.goto(reverse("search:results") + "?q=dagpengegrunnlaget")
    assert kari.page.get_by_role("link", name="Dagpenger under permittering").count() >= 1
    assert_accessible(kari.page)


def test_notifications_are_accessible(kari, thread):
    kari.goto(reverse("forum:notifications"))
    assert kari.page.locator("main").inner_text().count("Dagpenger under permittering") >= 1
    assert_accessible(kari.page)


def test_moderator_queue_is_accessible(web, moderator, thread):
    web.log_in(moderator)
    web.goto(reverse("forum:queue"))
    assert web.page.get_by_role("link", name="Dagpenger under permittering").count() >= 1
    assert_accessible(web.page)


@pytest.fixture
def nominated(migration_data, thread, moderator):
    from tests.archive.factories import nominate

    return nominate(thread, moderator)


def test_archive_queue_is_accessible(web, archivist, nominated):
    web.log_in(archivist)
    web.goto(reverse("archive:queue"))
    assert web.page.get_by_role("link", name="Dagpenger under permittering").is_visible()
    assert_accessible(web.page)


def test_journal_form_is_accessible(web, archivist, nominated):
    web.log_in(archivist)
    web.goto(reverse("archive:journal", args=[nominated.pk]))
    assert_accessible(web.page)


def test_public_journal_is_accessible(web, archivist, nominated, thread):
    from tests.archive.factories import journal

    entry = journal(thread, archivist, nomination=nominated)
    web.goto(reverse("archive:public_journal"))
    assert web.page.locator("main").inner_text().count(entry.case.number) >= 1
    assert_accessible(web.page)


def test_main_pages_reflow_to_320_css_pixels_without_sideways_scrolling(
    kari, case_worker, thread, handbook_page
):
    """WCAG 1.4.10: at 320 CSS px (400 % zoom of 1280) nothing but a data table's own
    scroll area may need horizontal scrolling."""
    page = kari.page
    page.set_viewport_size({"width": 320, "height": 640})
    pages = [
        "/",
        reverse("forum:index"),
        thread.topic.get_absolute_url(),
        thread.get_absolute_url(),
        reverse("forum:thread_new", args=[thread.topic.room.slug, thread.topic.slug]),
        handbook_page.url,
        reverse("handbook:page_changelog", args=[handbook_page.pk]),
        reverse("search:results") + "?q=dagpengegrunnlaget",
        reverse("forum:notifications"),
        case_worker.get_absolute_url(),
    ]
    too_wide = {}
    for url in pages:
        kari.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[url] = width
    assert too_wide == {}


def test_a_table_wider_than_the_screen_is_a_named_region_scrolled_with_the_keyboard(
    web, archivist, nominated, thread
):
    from tests.archive.factories import journal

    journal(thread, archivist, nomination=nominated)
    web.goto(reverse("archive:public_journal"))
    page = web.page
    box = page.locator(".table-scroll").first
    page.set_viewport_size({"width": 320, "height": 640})
    expect(box).to_have_attribute("tabindex", "0")
    expect(box).to_have_attribute("role", "region")
    expect(box).to_have_attribute("aria-label", "Offentlig journal")
    box.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 0", arg=box.element_handle())
    assert_accessible(page)
    page.set_viewport_size({"width": 1600, "height": 900})
    expect(box).not_to_have_attribute("tabindex", "0")
