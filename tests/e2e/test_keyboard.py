"""Keyboard only: skip link first, every control reachable with visible focus, no traps,
and the main flows done without a mouse."""

import pytest
from django.urls import reverse

from forum import services
from forum.models import Thread
from tests.e2e import keyboard

pytestmark = pytest.mark.e2e


@pytest.fixture
def thread(topic, case_worker, moderator):
    thread = services.thread_start(
        topic=topic, author=case_worker, title="Meldekort etter ferie", body="Hva gjelder?"
    )
    services.post_reply(
        thread=thread, author=moderator, body="Se [rundskrivet](https://lovdata.no/)."
    )
    return thread


@pytest.fixture
def kari(web, case_worker):
    return web.log_in(case_worker)


def _pages(thread):
    topic = thread.topic
    return {
        "front page": "/",
        "topic page": topic.get_absolute_url(),
        "thread page": thread.get_absolute_url(),
        "new-thread form": reverse("forum:thread_new", args=[topic.room.slug, topic.slug]),
        "room members with search results": reverse("forum:room_members", args=[topic.room.slug])
        + "?q=Ola",
        "search results": reverse("search:results") + "?q=meldekort",
        "moderator queue": reverse("forum:queue"),
    }


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(kari, thread):
    kari.goto(thread)
    kari.page.keyboard.press("Tab")
    first = kari.page.evaluate("() => document.activeElement.className")
    assert "ds-skip-link" in first
    assert kari.page.locator(".ds-skip-link").is_visible()
    kari.page.keyboard.press("Enter")
    assert kari.page.evaluate("() => document.activeElement.id") == "main"
    # The next Tab continues inside the main content, not at the top of the page.
    kari.page.keyboard.press("Tab")
    assert kari.page.evaluate("() => !!document.activeElement.closest('#main')")


@pytest.mark.parametrize(
    "page_name",
    [
        "front page",
        "topic page",
        "thread page",
        "new-thread form",
        "room members with search results",
        "search results",
        "moderator queue",
    ],
)
def test_every_control_is_reachable_by_tab_with_visible_focus_and_no_trap(
    web, administrator, thread, page_name
):
    web.log_in(administrator)  # sees every control, room management included
    web.goto(_pages(thread)[page_name])
    page = web.page
    expected = keyboard.focusable_keys(page)
    before = keyboard.unfocused_styles(page, expected)
    stops, focused = keyboard.tab_cycle(page)

    missing = [keyboard.describe(page, key) for key in expected if key not in stops]
    assert not missing, "Not reachable with Tab:\n" + "\n".join(missing)
    invisible = [keyboard.describe(page, key) for key in stops if focused[key] == before[key]]
    assert not invisible, "No visible focus indicator:\n" + "\n".join(invisible)
    # Tab after the last stop leaves the page; the next one starts over at the skip link.
    page.keyboard.press("Tab")
    assert keyboard.active(page)["key"] == stops[0]


def test_thread_can_be_started_and_answered_with_the_keyboard_alone(kari, thread):
    page = kari.page
    kari.goto(thread.topic)
    keyboard.tab_until(page, "the 'Ny tråd' button", "el => el.textContent.trim() === 'Ny tråd'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ny-trad/")

    keyboard.tab_until(page, "the title field", "el => el.name === 'title'")
    page.keyboard.type("Feriepenger og dagpenger")
    keyboard.tab_until(page, "the type radio buttons", "el => el.name === 'kind'")
    page.keyboard.press("ArrowDown")  # arrow keys move between radios: pick "question"
    keyboard.tab_until(page, "the text field", "el => el.name === 'body'")
    page.keyboard.type("Påvirker feriepenger dagpengene i juni?")
    keyboard.tab_until(
        page, "the publish button", "el => el.type === 'submit' && el.closest('.post-form')"
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**/trad/*/")

    new = Thread.objects.get(title="Feriepenger og dagpenger")
    assert new.kind == Thread.Kind.QUESTION
    assert page.locator("h1").inner_text() == "Feriepenger og dagpenger"

    keyboard.tab_until(page, "the reply field", "el => el.name === 'body'")
    page.keyboard.type("Jeg fant svaret i rundskrivet.")
    keyboard.tab_until(
        page, "the reply button", "el => el.type === 'submit' && el.closest('.post-form')"
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".post__body", has_text="Jeg fant svaret i rundskrivet.").is_visible()
    assert new.posts.count() == 2


def test_search_from_the_header_and_open_a_hit_with_the_keyboard_alone(kari, thread):
    page = kari.page
    kari.goto("/")
    keyboard.tab_until(page, "the search box", "el => el.type === 'search'")
    page.keyboard.type("meldekort")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/search/" in page.url
    keyboard.tab_until(
        page,
        "the hit's link",
        "el => el.tagName === 'A' && el.textContent.trim() === 'Meldekort etter ferie'"
        " && !!el.closest('main')",
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(thread.get_absolute_url()) or thread.get_absolute_url() in page.url
    assert page.locator("h1").inner_text() == "Meldekort etter ferie"


def test_moderator_verifies_an_answer_with_the_keyboard_alone(web, department, thread):
    from tests.people.factories import UserFactory

    # The answer is the moderator's own; a second moderator of the topic verifies it.
    second = UserFactory(username="lise", full_name="Lise Moe", unit=department)
    thread.topic.moderators.add(second)
    page = web.log_in(second).page
    web.goto(thread)
    keyboard.tab_until(
        page,
        "the verify button",
        "el => el.tagName === 'BUTTON' && el.textContent.trim() === 'Kvalitetssikre'",
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    answer = thread.posts.get(position=2)
    assert answer.verified_by == second
    # Focus is back at the top of the reloaded page; the undo button is reachable.
    keyboard.tab_until(
        page,
        "the undo button",
        "el => el.tagName === 'BUTTON' && el.textContent.trim() === 'Fjern kvalitetssikring'",
    )


def test_a_notification_is_opened_and_marked_read_with_the_keyboard_alone(kari, thread):
    from forum.models import Notification

    notification = Notification.objects.get(user__username="kari")
    page = kari.page
    kari.goto(reverse("forum:notifications"))
    # A button (opening marks it read, so it is a POST) named by the notification's text.
    name = "Ola Hansen svarte i «Meldekort etter ferie»"
    assert page.get_by_role("button", name=name).count() == 1
    keyboard.tab_until(
        page,
        "the notification",
        "el => el.tagName === 'BUTTON' && el.textContent.trim() === " + repr(name),
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Meldekort etter ferie"
    notification.refresh_from_db()
    assert notification.read_at is not None
