"""The main flows, as people do them in the browser."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from forum import services
from forum.models import Thread
from tests.forum.factories import ThreadFactory

pytestmark = pytest.mark.e2e


def test_person_logs_in_with_the_login_form_and_lands_on_the_front_page(web, case_worker):
    page = web.page
    web.goto("/")  # not logged in: sent to the login form, with a way back
    assert "/accounts/login/" in page.url
    page.get_by_label("Brukernavn").fill("kari")
    page.get_by_label("Passord").fill("pw")
    with page.expect_navigation():
        page.get_by_role("button", name="Logg inn").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hei, Kari")


def test_wrong_password_is_refused_with_a_message_and_the_username_kept(web, case_worker):
    page = web.page
    web.goto(reverse("login"))
    page.get_by_label("Brukernavn").fill("kari")
    page.get_by_label("Passord").fill("feil")
    with page.expect_navigation():
        page.get_by_role("button", name="Logg inn").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label("Brukernavn")).to_have_value("kari")
    assert "/accounts/login/" in page.url


def test_case_worker_asks_a_regulation_question_and_the_moderator_answers(
    browser_session, case_worker, moderator, topic
):
    kari = browser_session().log_in(case_worker)
    kari.goto(topic)
    page = kari.page
    page.get_by_role("link", name="Still et spørsmål").click()
    page.get_by_label("Tittel").fill("Dagpenger og feriepenger")
    expect(page.get_by_label("Spørsmål om regelverk")).to_be_checked()
    page.get_by_label("Tekst").fill("Skal feriepenger **trekkes fra**?")
    with page.expect_navigation():
        page.get_by_role("button", name="Publiser").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dagpenger og feriepenger")
    expect(page.locator(".post__body strong")).to_have_text("trekkes fra")
    thread = Thread.objects.get(title="Dagpenger og feriepenger")
    assert thread.kind == Thread.Kind.QUESTION

    ola = browser_session().log_in(moderator)
    ola.goto(topic)
    ola.page.get_by_role("link", name="Dagpenger og feriepenger").click()
    ola.page.get_by_label("Ditt svar").fill("Nei, se rundskrivet til § 4-4.")
    with ola.page.expect_navigation():
        ola.page.get_by_role("button", name="Publiser svar").click()
    expect(ola.page.locator(".post")).to_have_count(2)

    kari.goto(thread)
    answer = page.locator(".post").nth(1)
    expect(answer).to_contain_text("Ola Hansen")
    expect(answer).to_contain_text("Nei, se rundskrivet til § 4-4.")


def test_author_edits_a_post_and_the_history_keeps_the_earlier_text(web, case_worker, topic):
    thread = services.thread_start(
        topic=topic, author=case_worker, title="Skrivefeil", body="Førsste versjon"
    )
    web.log_in(case_worker).goto(thread)
    page = web.page
    page.get_by_role("link", name="Endre").click()
    page.get_by_label("Tekst").fill("Første versjon")
    with page.expect_navigation():
        page.get_by_role("button", name="Lagre").click()
    expect(page.locator(".post__body")).to_have_text("Første versjon")
    page.get_by_role("link", name="Historikk (1 endring)").click()
    expect(page.locator("main")).to_contain_text("Førsste versjon")


def test_non_member_cannot_reach_a_closed_room_or_see_it_listed(
    web, outsider, room_owner, closed_topic
):
    room = closed_topic.room
    thread = ThreadFactory(topic=closed_topic, author=room_owner, title="Hemmelig plan")
    web.log_in(outsider)

    for path in (
        room.get_absolute_url(),
        closed_topic.get_absolute_url(),
        thread.get_absolute_url(),
        reverse("forum:thread_new", args=[room.slug, closed_topic.slug]),
        reverse("forum:post_history", args=[thread.posts.get().pk]),
        reverse("forum:room_members", args=[room.slug]),
    ):
        web.goto(path, expect_status=404)
        expect(web.page.get_by_role("heading", level=1)).to_have_text("Fant ikke siden")

    for path in ("/", reverse("forum:index")):
        web.goto(path)
        expect(web.page.locator("main")).not_to_contain_text(room.name)
        expect(web.page.locator("main")).not_to_contain_text("Hemmelig plan")


def test_room_owner_adds_a_colleague_who_then_sees_the_closed_room(
    browser_session, room_owner, colleague, closed_topic
):
    room = closed_topic.room
    jonas = browser_session().log_in(colleague)
    jonas.goto(closed_topic, expect_status=404)

    rita = browser_session().log_in(room_owner)
    rita.goto(reverse("forum:room_members", args=[room.slug]))
    page = rita.page
    page.get_by_label("Søk etter person eller enhet").fill(
        "Jonas"
    )  # htmx searches as the owner types
    add = page.get_by_role("button", name="Legg til Jonas Berg")
    expect(add).to_be_visible()
    with page.expect_navigation():
        add.click()
    expect(page.locator(".member-table")).to_contain_text("Jonas Berg")

    jonas.goto(closed_topic)
    expect(jonas.page.get_by_role("heading", level=1)).to_have_text(closed_topic.name)
