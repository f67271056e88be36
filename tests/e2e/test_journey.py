"""One realistic journey through Fagrom in the browser, in three parts that share fixtures.

1. A case worker logs in and asks a regulation question; a colleague answers; the topic's
   moderator finds it in the moderator queue, verifies the answer (never their own: four
   eyes) and posts a clarification; the asker is notified.
2. A case worker edits the handbook page in Wagtail's admin and submits it; the handbook
   editor approves it; the page's change log shows the new version and its diff.
3. The moderator proposes the thread for journaling, the records officer journals it, it
   appears in the public journal and in search; a non-member gets 404 for the closed room.

Selectors use roles, labels and visible text, so layout changes do not break them.
"""

import datetime as dt
import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from archive.models import ArchiveClass, JournalEntry
from forum import services
from forum.models import Thread
from forum.services import moderation
from handbook.models import PageVersion

pytestmark = pytest.mark.e2e

QUESTION = "Feriepenger og dagpenger under permittering"
JONAS = re.compile(r"^Jonas Berg")  # a post is an article named by its author


@pytest.fixture
def answered_question(topic, case_worker, colleague, moderator):
    """Where part 1 ends: a question, a verified answer and a clarification (built by services)."""
    thread = services.thread_start(
        topic=topic,
        author=case_worker,
        title=QUESTION,
        kind=Thread.Kind.QUESTION,
        body="Skal utbetalte feriepenger trekkes fra dagpengene under permittering?",
    )
    answer = services.post_reply(
        thread=thread, author=colleague, body="Nei, feriepenger regnes ikke som arbeidsinntekt."
    )
    moderation.post_verify(post=answer, by=moderator)
    moderation.clarification_create(
        thread=thread,
        by=moderator,
        title="Feriepenger trekkes ikke fra",
        body="Gjelder alle permitterte fra 1. januar.",
        valid_from=dt.date(2026, 1, 1),
    )
    return thread


def test_question_is_answered_verified_and_clarified(
    browser_session, case_worker, colleague, moderator, topic
):
    # Kari logs in with the login form and asks her question from the topic page.
    kari = browser_session()
    page = kari.page
    kari.goto(reverse("login"))
    page.get_by_label("Brukernavn").fill("kari")
    page.get_by_label("Passord").fill("pw")
    with page.expect_navigation():
        page.get_by_role("button", name="Logg inn").click()
    kari.goto(topic)
    page.get_by_role("link", name="Still et spørsmål").click()
    page.get_by_label("Tittel").fill(QUESTION)
    expect(page.get_by_label("Spørsmål om regelverk")).to_be_checked()
    page.get_by_label("Tekst").fill("Skal utbetalte feriepenger **trekkes fra** dagpengene?")
    with page.expect_navigation():
        page.get_by_role("button", name="Publiser").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(QUESTION)
    thread = Thread.objects.get(title=QUESTION)
    assert thread.kind == Thread.Kind.QUESTION

    # Jonas, a colleague, answers.
    jonas = browser_session().log_in(colleague)
    jonas.goto(thread)
    jonas.page.get_by_label("Ditt svar").fill("Nei, feriepenger regnes ikke som arbeidsinntekt.")
    with jonas.page.expect_navigation():
        jonas.page.get_by_role("button", name="Publiser svar").click()
    expect(jonas.page.get_by_role("article", name=JONAS)).to_contain_text(
        "regnes ikke som arbeidsinntekt"
    )

    # Ola, the topic's moderator, finds it in his queue, verifies the answer and clarifies.
    ola = browser_session().log_in(moderator)
    ola.goto(reverse("forum:queue"))
    ola.page.get_by_role("link", name=QUESTION).first.click()
    expect(ola.page.get_by_role("heading", level=1)).to_have_text(QUESTION)
    answer = ola.page.get_by_role("article", name=JONAS)
    with ola.page.expect_navigation():
        answer.get_by_role("button", name="Kvalitetssikre").click()
    answer = ola.page.get_by_role("article", name=JONAS)
    expect(answer).to_contain_text("Kvalitetssikret")

    ola.page.get_by_role("link", name="Ny presisering").click()
    ola.page.get_by_label("Overskrift").fill("Feriepenger trekkes ikke fra")
    ola.page.get_by_label("Tekst").fill("Gjelder alle permitterte fra 1. januar.")
    with ola.page.expect_navigation():
        ola.page.get_by_role("button", name="Publiser presisering").click()
    clarifications = ola.page.get_by_role("region", name="Presiseringer fra moderator")
    expect(clarifications).to_contain_text("Feriepenger trekkes ikke fra")

    thread.refresh_from_db()
    assert thread.status == Thread.Status.VERIFIED
    assert thread.clarifications.count() == 1

    # Kari sees the verified answer and the clarification, and is told about them.
    kari.goto(thread)
    expect(page.get_by_role("region", name="Presiseringer fra moderator")).to_contain_text(
        "Gjelder alle permitterte fra 1. januar."
    )
    expect(page.get_by_role("article", name=JONAS)).to_contain_text("Kvalitetssikret")
    kari.goto(reverse("forum:notifications"))
    expect(page.locator("main")).to_contain_text(QUESTION)


def test_handbook_edit_is_submitted_approved_and_shown_in_the_change_log_with_a_diff(
    browser_session, case_worker, handbook_editor, handbook_page
):
    # Kari proposes an edit in Wagtail's editor and submits it for approval.
    kari = browser_session().log_in(case_worker)
    page = kari.page
    kari.goto(handbook_page.url)
    page.get_by_role("link", name="Rediger").click()
    page.locator("[contenteditable=true]").first.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Feriepenger trekkes ikke fra.")
    # Draftail writes its hidden input 250 ms after the last keystroke and not on submit;
    # a person pauses longer than that, a test must wait for it.
    page.wait_for_function(
        "text => [...document.querySelectorAll('input[type=hidden]')]"
        ".some(input => input.value.includes(text))",
        arg="Feriepenger trekkes ikke fra.",
    )
    page.get_by_role("textbox", name="Hva er endret").fill("Feriepenger og permittering")
    page.get_by_role("button", name="Flere handlinger").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Send inn til Godkjenning i kvalitetshåndboken").click()
    expect(page.get_by_text("er sendt til godkjenning")).to_be_visible()
    # Wagtail's editor keeps pinging the server; on SQLite the live server shares the
    # test's connection, so leave the editor before the test itself queries the database.
    page.goto("about:blank")
    assert PageVersion.objects.filter(page=handbook_page).count() == 2  # not published yet

    # Ingrid, the handbook editor, approves it with a comment.
    ingrid = browser_session().log_in(handbook_editor)
    ingrid.goto(reverse("wagtailadmin_pages:edit", args=[handbook_page.pk]))
    admin = ingrid.page
    admin.get_by_role("button", name="Flere handlinger").click()
    admin.get_by_role("button", name="Godkjenn (ny underversjon) og Publiser").click()
    dialog = admin.get_by_role("dialog")
    dialog.get_by_label("Kommentar til versjonen").fill("Godkjent, takk.")
    with admin.expect_navigation():
        dialog.get_by_role("button", name="Godkjenn (ny underversjon)").click()
    admin.goto("about:blank")
    assert PageVersion.objects.filter(page=handbook_page).count() == 3

    # The published page links to its change log, which names both people; the diff
    # marks the added sentence.
    kari.goto(handbook_page.url)
    expect(page.locator("main")).to_contain_text("Feriepenger trekkes ikke fra.")
    page.get_by_role("link", name="Endringslogg").first.click()
    newest = page.get_by_role("row").filter(has_text="Feriepenger og permittering")
    expect(newest).to_contain_text("Kari Nordmann")
    expect(newest).to_contain_text("Ingrid Lunde")
    expect(newest).to_contain_text("Godkjent, takk.")
    page.get_by_role("link", name="Sammenlign versjoner").click()
    expect(
        page.locator("main ins").filter(has_text="Feriepenger trekkes ikke fra.")
    ).to_be_visible()


def test_records_officer_journals_the_thread_and_search_finds_it_but_not_for_outsiders(
    browser_session,
    migration_data,
    answered_question,
    case_worker,
    moderator,
    archivist,
    outsider,
    room_owner,
    closed_topic,
):
    thread = answered_question
    # Ola proposes the thread for journaling from the thread page.
    ola = browser_session().log_in(moderator)
    ola.goto(thread)
    ola.page.get_by_role("link", name="Foreslå journalføring").click()
    ola.page.get_by_label("Hvorfor bør tråden journalføres?").fill(
        "Presisering som endrer praksis i hele landet."
    )
    with ola.page.expect_navigation():
        ola.page.get_by_role("button", name="Send forslaget").click()
    expect(ola.page.locator("main")).to_contain_text("venter på arkivar")

    # Arne, the records officer, journals it from his queue into a new case.
    arne = browser_session().log_in(archivist)
    page = arne.page
    arne.goto(reverse("archive:queue"))
    page.get_by_role("link", name=QUESTION).click()
    f01 = ArchiveClass.objects.get(code="F01")
    page.get_by_label("Arkivklasse (ny sak)").select_option(value=str(f01.pk))
    with page.expect_navigation():
        page.get_by_role("button", name="Journalfør og frys innholdet").click()
    entry = JournalEntry.objects.get(thread=thread)
    expect(page.locator("main")).to_contain_text(entry.case.number)

    # The thread shows where it is journaled; the public journal lists it.
    arne.goto(thread)
    expect(page.locator("main")).to_contain_text(f"Journalført i sak {entry.case.number}")
    arne.goto(reverse("archive:public_journal"))
    expect(page.locator("main")).to_contain_text(entry.case.number)

    # Kari finds the thread with the search box on any page.
    kari = browser_session().log_in(case_worker)
    kari.goto("/")
    kari.page.get_by_role("combobox", name="Søk i håndbok, forum og arkiv").fill("feriepenger")
    with kari.page.expect_navigation():
        kari.page.get_by_role("combobox", name="Søk i håndbok, forum og arkiv").press("Enter")
    expect(kari.page.get_by_role("link", name=QUESTION).first).to_be_visible()

    # Per, from another agency, is not a member of the closed room: 404 everywhere,
    # and its threads are not among his search hits.
    secret = services.thread_start(  # indexed like any thread, so search must filter it out
        topic=closed_topic,
        author=room_owner,
        title="Feriepenger i prosjektet",
        body="Feriepenger for prosjektdeltakerne.",
    )
    per = browser_session().log_in(outsider)
    for path in (closed_topic.room.get_absolute_url(), closed_topic, secret):
        per.goto(path, expect_status=404)
        expect(per.page.get_by_role("heading", level=1)).to_have_text("Fant ikke siden")
    per.goto(reverse("search:results") + "?q=feriepenger")
    expect(per.page.get_by_role("link", name=QUESTION).first).to_be_visible()
    expect(per.page.locator("main")).not_to_contain_text("Feriepenger i prosjektet")
