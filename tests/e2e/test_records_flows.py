"""Records flows in the browser: reopen a case and add a record; an outsider searches the
public journal, opens an entry and sends an innsynskrav that a records officer answers."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from archive import services
from archive.models import AccessRequest, Case
from tests.archive.factories import journal, nominate
from tests.forum.factories import ThreadFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def closed_case(migration_data, topic, case_worker, archivist, monkeypatch):
    from tests.archive.factories import fake_render

    monkeypatch.setattr("archive.rendering.thread_pdf", fake_render)
    entry = journal(
        ThreadFactory(topic=topic, author=case_worker, title="Karensdager ved permittering"),
        archivist,
        new_case_title="Praksis for karensdager",
    )
    services.case_close(case=entry.case, by=archivist)
    return entry.case


def test_records_officer_reopens_a_case_and_adds_a_record_from_the_journaling_form(
    browser_session, closed_case, topic, case_worker, archivist
):
    nomination = nominate(
        ThreadFactory(topic=topic, author=case_worker, title="Oppfølging om karensdager"),
        case_worker,
    )
    arne = browser_session().log_in(archivist)
    page = arne.page
    arne.goto(f"/arkiv/saker/{closed_case.pk}/")
    page.get_by_label("Hvorfor gjenåpnes saken?").fill("Ny henvendelse i saken")
    with page.expect_navigation():
        page.get_by_role("button", name="Gjenåpne saken").click()
    expect(page.get_by_text("er gjenåpnet")).to_be_visible()

    arne.goto(f"/arkiv/forslag/{nomination.pk}/")
    page.get_by_label("Finn åpen sak (saksnummer eller ord i tittelen)").fill("karensdager")
    with page.expect_navigation():
        page.get_by_role("button", name="Søk", exact=True).click()
    expect(page.get_by_text("1 åpen sak passer.")).to_be_visible()
    expect(page.get_by_label("Eksisterende sak")).to_have_value(str(closed_case.pk))
    with page.expect_navigation():
        page.get_by_role("button", name="Journalfør og frys innholdet").click()
    expect(page.get_by_text(f"i sak {closed_case.number}")).to_be_visible()
    assert Case.objects.get(pk=closed_case.pk).entries.count() == 2


def test_an_outsider_requests_access_and_a_records_officer_refuses_with_a_basis(
    browser_session, closed_case, archivist
):
    entry = closed_case.entries.get()
    visitor = browser_session()
    page = visitor.page
    visitor.goto("/arkiv/offentlig-journal/")
    page.get_by_label("Søk", exact=True).fill("karensdager")
    with page.expect_navigation():
        page.get_by_role("button", name="Søk", exact=True).click()
    with page.expect_navigation():
        page.get_by_role("link", name=entry.registry_id).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(entry.shown_title)
    with page.expect_navigation():
        page.get_by_role("link", name="Be om innsyn").click()
    page.get_by_label(entry.registry_id, exact=False).check()
    page.get_by_label("Navn").fill("Siri Journalist")
    page.get_by_label("E-post").fill("siri@example.no")
    with page.expect_navigation():
        page.get_by_role("button", name="Send innsynskrav").click()
    expect(page.get_by_role("status")).to_contain_text("er mottatt")
    request = AccessRequest.objects.get()

    arne = browser_session().log_in(archivist)
    arne.goto("/arkiv/innsynskrav/")
    with arne.page.expect_navigation():
        arne.page.get_by_role("link", name=str(request.pk), exact=True).click()
    arne.page.get_by_label("Avgjørelse").select_option("refused")
    arne.page.get_by_label("Svar til den som ba om innsyn").fill("Dokumentet er unntatt.")
    with arne.page.expect_navigation():
        arne.page.get_by_role("button", name="Lagre og send svar").click()
    expect(arne.page.get_by_role("alert")).to_contain_text("må ha hjemmel")
    arne.page.get_by_label("Hjemmel for avslag eller delvis innsyn").fill("offl. § 13")
    with arne.page.expect_navigation():
        arne.page.get_by_role("button", name="Lagre og send svar").click()
    request.refresh_from_db()
    assert request.status == "refused" and request.refusal_basis == "offl. § 13"
    assert any("offl. § 13" in m.body for m in mail.outbox)
