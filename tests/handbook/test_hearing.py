"""Internal hearing: comments per section, responses, kept with the version."""

import datetime

from django.urls import reverse
from django.utils import timezone

from handbook import services
from handbook.models import HearingComment
from tests.handbook.factories import draft, section


def test_hearing_comments_per_section_and_responses_stay_with_the_version(
    client, handbook_editor, case_worker, outsider, department, journal_page
):
    draft(
        journal_page,
        by=handbook_editor,
        body=section("Frister", "Journalfør innen tre dager.") + section("Unntak", "Ved ferie."),
        summary="Ny fristregel",
    )
    client.force_login(handbook_editor)
    deadline = timezone.localdate() + datetime.timedelta(days=14)
    response = client.post(
        reverse("handbook:hearing_new", args=[journal_page.pk]),
        {"title": "Høring: fristregel", "units": [department.pk], "deadline": deadline.isoformat()},
    )
    assert response.status_code == 302
    hearing = journal_page.handbook_hearings.get()
    sections = hearing.revision.as_object().sections()
    assert [s["title"] for s in sections] == ["Frister", "Unntak"]

    client.force_login(case_worker)
    assert "på høring" in client.get(journal_page.url).content.decode()
    response = client.post(
        hearing.get_absolute_url(),
        {"section": sections[1]["id"], "body": "Gjelder det også påske?"},
    )
    assert response.status_code == 302
    comment = HearingComment.objects.get()
    assert comment.section_title == "Unntak"

    client.force_login(outsider)
    assert (
        client.post(
            hearing.get_absolute_url(), {"section": sections[0]["id"], "body": "x"}
        ).status_code
        == 403
    )

    client.force_login(handbook_editor)
    client.post(
        reverse("handbook:hearing_respond", args=[comment.pk]), {"response": "Ja, tatt inn."}
    )
    services.page_publish(page=journal_page, by=handbook_editor)
    hearing.refresh_from_db()
    assert hearing.version.label == "1.1"

    client.force_login(case_worker)
    html = client.get(hearing.get_absolute_url()).content.decode()
    assert "Gjelder det også påske?" in html and "Ja, tatt inn." in html
    version_html = client.get(
        reverse("handbook:version", args=[journal_page.pk, 1, 1])
    ).content.decode()
    assert hearing.get_absolute_url() in version_html


def test_case_worker_cannot_open_a_hearing(client, case_worker, journal_page):
    client.force_login(case_worker)
    assert client.get(reverse("handbook:hearing_new", args=[journal_page.pk])).status_code == 403


def test_hearing_deadline_in_the_past_is_refused(client, handbook_editor, department, journal_page):
    client.force_login(handbook_editor)
    response = client.post(
        reverse("handbook:hearing_new", args=[journal_page.pk]),
        {"title": "Høring", "units": [department.pk], "deadline": "2001-01-01"},
    )
    assert response.status_code == 400
    assert "Fristen kan ikke være passert" in response.content.decode()


def test_hearing_comments_count_towards_the_posting_limit_and_keep_the_text(
    client, handbook_editor, case_worker, department, journal_page, settings
):
    settings.POST_RATE_LIMIT = "1/600"
    draft(journal_page, by=handbook_editor, body=section("Frister", "Tre dager."), summary="Frist")
    hearing = services.hearing_open(
        page=journal_page,
        by=handbook_editor,
        title="Høring: frist",
        description="",
        units=[department],
        deadline=timezone.localdate() + datetime.timedelta(days=7),
    )
    section_id = hearing.revision.as_object().sections()[0]["id"]
    client.force_login(case_worker)
    first = client.post(hearing.get_absolute_url(), {"section": section_id, "body": "Første"})
    assert first.status_code == 302
    response = client.post(
        hearing.get_absolute_url(), {"section": section_id, "body": "Andre innspill i rekken"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Du har publisert mange innlegg på kort tid" in html
    assert "Andre innspill i rekken" in html
    assert HearingComment.objects.filter(hearing=hearing).count() == 1


def test_the_hearing_shows_the_draft_against_the_current_version(
    client, handbook_editor, case_worker, department, journal_page
):
    draft(
        journal_page,
        by=handbook_editor,
        body=section("Frister", "Alle saker skal journalføres innen tre dager."),
        summary="Ny fristregel",
    )
    services.hearing_open(
        page=journal_page,
        by=handbook_editor,
        title="Høring: frist",
        description="",
        units=[department],
        deadline=timezone.localdate() + datetime.timedelta(days=7),
    )
    hearing = journal_page.handbook_hearings.get()
    client.force_login(case_worker)
    html = client.get(hearing.get_absolute_url()).content.decode()
    changes = html.split('id="changes-heading"')[1].split("</section>")[0]
    assert "Endringer mot gjeldende versjon 1.0" in html
    assert "<h3><ins>" in changes  # the new heading, kept as a heading
    assert "<del>" in changes and "samme dag" in changes
    assert "<ins>" in changes and "tre dager" in changes
