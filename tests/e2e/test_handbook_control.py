"""Handbook document control in the browser (issue 19): a self-approval in Wagtail's
workflow is refused with a clear message, "Gjenopprett denne versjonen" makes a draft
that goes through the workflow, and the unit read report exports and sends reminders."""

import csv
import io

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import WorkflowState

from handbook.models import PageVersion
from tests.people.factories import OrgUnitFactory, UserFactory

pytestmark = pytest.mark.e2e


def _edit_and_submit(session, page_obj, sentence, summary):
    """Write ``sentence`` at the end of the page in Wagtail's editor and submit it."""
    page = session.page
    session.goto(reverse("wagtailadmin_pages:edit", args=[page_obj.pk]))
    page.locator("[contenteditable=true]").first.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(sentence)
    # Draftail writes its hidden input 250 ms after the last keystroke (see test_journey).
    page.wait_for_function(
        "text => [...document.querySelectorAll('input[type=hidden]')]"
        ".some(input => input.value.includes(text))",
        arg=sentence.strip(),
    )
    page.get_by_role("textbox", name="Hva er endret").fill(summary)
    page.get_by_role("button", name="Flere handlinger").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Send inn til Godkjenning i kvalitetshåndboken").click()
    expect(page.get_by_text("er sendt til godkjenning")).to_be_visible()


def _try_to_approve(session, page_obj):
    page = session.page
    session.goto(reverse("wagtailadmin_pages:edit", args=[page_obj.pk]))
    page.get_by_role("button", name="Flere handlinger").click()
    page.get_by_role("button", name="Godkjenn (ny underversjon) og Publiser").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Kommentar til versjonen").fill("Ser bra ut")
    with page.expect_navigation():
        dialog.get_by_role("button", name="Godkjenn (ny underversjon)").click()


def test_the_author_who_tries_to_approve_her_own_change_is_refused_with_a_reason(
    browser_session, handbook_editor, handbook_page
):
    versions = PageVersion.objects.filter(page=handbook_page).count()
    ingrid = browser_session().log_in(handbook_editor)
    _edit_and_submit(ingrid, handbook_page, " Meldekortet sendes hver fjortende dag.", "Meldekort")
    _try_to_approve(ingrid, handbook_page)
    page = ingrid.page
    assert "egen-godkjenning" in page.url
    expect(page.locator("main")).to_contain_text("kan ikke godkjenne den selv")
    page.goto("about:blank")  # leave before the test queries the database (see test_journey)
    assert PageVersion.objects.filter(page=handbook_page).count() == versions
    state = WorkflowState.objects.get(object_id=str(handbook_page.pk))
    assert state.status == "in_progress" and state.requested_by == handbook_editor


def test_restoring_version_1_0_makes_a_draft_that_waits_for_someone_else(
    browser_session, handbook_editor, handbook_page
):
    ingrid = browser_session().log_in(handbook_editor)
    page = ingrid.page
    ingrid.goto(reverse("handbook:version", args=[handbook_page.pk, 1, 0]))
    # An empty reason is refused; the form says why.
    with page.expect_navigation():
        page.get_by_role("button", name="Gjenopprett denne versjonen").click()
    expect(page.locator("main")).to_contain_text("Skriv kort hvorfor versjonen gjenopprettes.")
    page.get_by_label("Hvorfor gjenopprettes denne versjonen?").fill(
        "Tilbake til første formulering"
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Gjenopprett denne versjonen").click()
    expect(page.locator("main")).to_contain_text(
        "Versjon 1.0 er gjenopprettet som utkast og sendt til godkjenning."
    )
    # Nothing is published yet: the reader still sees version 1.1's text.
    ingrid.goto(handbook_page.url)
    expect(page.locator("main")).to_contain_text("dagen etter at arbeidsgivers lønnsplikt")
    # The restorer may not approve her own restore either.
    _try_to_approve(ingrid, handbook_page)
    expect(page.locator("main")).to_contain_text("kan ikke godkjenne den selv")
    page.goto("about:blank")
    state = WorkflowState.objects.get(object_id=str(handbook_page.pk), status="in_progress")
    assert state.requested_by == handbook_editor
    draft = type(handbook_page).objects.get(pk=handbook_page.pk).get_latest_revision_as_object()
    assert "første dag etter lønnsplikten" in str(draft.body.raw_data)
    assert draft.change_summary == "Tilbake til første formulering"
    assert PageVersion.objects.filter(page=handbook_page).count() == 2


def test_the_unit_report_exports_csv_and_xlsx_and_reminds_those_missing(
    browser_session, handbook_editor, handbook_page, case_worker, colleague, department
):
    from openpyxl import load_workbook

    from handbook import services

    section = OrgUnitFactory(name="NAV Sandnes oppfølging", code="NAV-S-OPPF", parent=department)
    late = UserFactory(username="late", full_name="=HYPERLINK(1) Sen", unit=section)
    handbook_page.required_for_units.set([department])
    handbook_page.save()
    services.reading_confirm(page=handbook_page, user=case_worker)

    ingrid = browser_session().log_in(handbook_editor)
    page = ingrid.page
    ingrid.goto(reverse("handbook:confirmations", args=[handbook_page.pk]))
    report = page.locator("#unit-report")
    expect(report).to_contain_text("NAV Sandnes oppfølging")
    expect(report).to_contain_text("Totalt")
    expect(page.locator("main")).to_contain_text("Kari Nordmann")

    with page.expect_download() as download:
        page.get_by_role("link", name="Last ned som Excel (XLSX)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    with open(download.value.path(), "rb") as fh:  # the saved file has no .xlsx suffix
        sheet = load_workbook(io.BytesIO(fh.read())).active
    rows = [[c.value or "" for c in row] for row in sheet.iter_rows()]
    assert ["NAV Sandnes oppfølging", "'=HYPERLINK(1) Sen", "mangler", ""] in rows
    with page.expect_download() as download:
        page.get_by_role("link", name="Last ned som CSV").click()
    with open(download.value.path(), encoding="utf-8") as fh:
        assert rows == list(csv.reader(io.StringIO(fh.read())))

    with page.expect_navigation():
        page.get_by_role("button", name="Send påminnelse til dem som mangler").click()
    expect(page.locator("body")).to_contain_text("Påminnelse sendt til 2 som ikke har bekreftet.")
    recipients = {m.to[0] for m in mail.outbox}
    assert late.email in recipients and colleague.email in recipients
    assert case_worker.email not in recipients
