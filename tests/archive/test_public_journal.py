"""The public journal as eInnsyn users expect: search, filters, a masked detail view and
innsynskrav with a due date in working days, a queue, replies and refusals, all logged."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from archive import services
from archive.models import AccessRequest, ArchiveEvent
from tests.archive.factories import journal
from tests.forum.factories import ThreadFactory


@pytest.fixture
def entries(topic, case_worker, archivist):
    plain = journal(
        ThreadFactory(topic=topic, author=case_worker, title="Karensdager ved permittering"),
        archivist,
        new_case_title="Praksis for karensdager",
    )
    screened = journal(
        ThreadFactory(topic=topic, author=case_worker, title="Søknad fra Ola Nordmann"),
        archivist,
        new_case_title="Enkeltsak",
        public_title="Søknad fra *****",
        screening_basis="offl. § 13 jf. fvl. § 13",
        screen_title=True,
        screen_names=True,
        type="I",
    )
    return plain, screened


def _rows(client, **params):
    page = client.get(reverse("archive:public_journal"), params).content.decode()
    return page


def test_free_text_finds_public_words_but_never_a_screened_one(client, entries):
    plain, screened = entries
    assert plain.registry_id in _rows(client, q="karensdager")
    assert screened.registry_id not in _rows(client, q="karensdager")
    # The withheld name in the title is not found ...
    page = _rows(client, q="Ola")
    assert screened.registry_id not in page and "Ingen journalposter." in page
    # ... nor the screened sender (the same person is the open entry's sender).
    page = _rows(client, q="Kari")
    assert plain.registry_id in page and screened.registry_id not in page
    assert screened.registry_id in _rows(client, q="Søknad")
    assert plain.registry_id in _rows(client, q=plain.registry_id)
    assert screened.registry_id not in _rows(client, q=plain.registry_id)


def test_filters_by_case_type_and_date(client, entries):
    plain, screened = entries
    page = _rows(client, sak=screened.case.number)
    assert screened.registry_id in page and plain.registry_id not in page
    page = _rows(client, type="I")
    assert screened.registry_id in page and plain.registry_id not in page
    assert "Ingen journalposter." in _rows(client, fra="2099-01-01")
    assert "Ingen journalposter." in _rows(client, sak="ikke-et-nummer")
    # Nonsense parameters are ignored, never a 500.
    assert (
        client.get(reverse("archive:public_journal"), {"fra": "x", "type": "Z"}).status_code == 200
    )


def test_the_detail_view_masks_screened_parts_and_names_the_basis(client, entries):
    _plain, screened = entries
    response = client.get(reverse("archive:public_entry", args=[screened.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ola Nordmann" not in page
    assert "Søknad fra *****" in page and "offl. § 13 jf. fvl. § 13" in page
    assert reverse("archive:access_request_new") + f"?journalpost={screened.pk}" in page


def test_working_days_skip_weekends_and_norwegian_holidays():
    # Maundy Thursday 2026 is 2 April; Easter Monday 6 April.
    assert services.working_days_after(date(2026, 3, 31), 3) == date(2026, 4, 8)
    assert services.working_days_after(date(2026, 12, 23), 3) == date(2026, 12, 29)
    assert services.working_days_after(date(2026, 5, 15), 1) == date(2026, 5, 18)
    assert date(2026, 5, 14) in services.public_holidays(2026)  # Ascension Day


def test_an_outsider_sends_an_innsynskrav_that_reaches_the_queue(
    client, entries, archivist, settings
):
    settings.ACCESS_REQUEST_DUE_WORKING_DAYS = 5
    _plain, screened = entries
    url = reverse("archive:access_request_new")
    form = client.get(url, {"journalpost": screened.pk}).content.decode()
    assert "5 virkedager" in form and "Søknad fra *****" in form and "Ola Nordmann" not in form
    response = client.post(url, {"entries": [screened.pk], "name": "", "email": "x"})
    assert response.status_code == 400  # what was typed stays, errors named
    response = client.post(
        url, {"entries": [screened.pk], "name": "Siri Journalist", "email": "siri@example.no"}
    )
    assert response.status_code == 200
    request = AccessRequest.objects.get()
    assert f"Innsynskrav {request.pk} er mottatt" in response.content.decode()
    assert request.due_date == services.working_days_after(request.received_at.date(), 5)
    assert list(request.entries.all()) == [screened]
    assert ArchiveEvent.objects.filter(action="access_requested").count() == 1
    client.force_login(archivist)
    queue = client.get(reverse("archive:access_requests")).content.decode()
    assert "Siri Journalist" in queue and screened.registry_id in queue


def test_the_request_form_cannot_be_used_to_request_nothing_or_flood(client, entries, settings):
    url = reverse("archive:access_request_new")
    assert client.get(url).status_code == 302  # no entry chosen: back to the journal
    plain, _screened = entries
    data = {"entries": [plain.pk], "name": "Robot", "email": "r@example.no"}
    for _ in range(20):
        client.post(url, data)
    response = client.post(url, data)
    assert response.status_code == 400
    assert "mange innsynskrav" in response.content.decode()
    assert AccessRequest.objects.count() == 20


def test_a_refusal_needs_a_legal_basis_and_goes_out_with_the_right_to_complain(
    client, entries, archivist, django_capture_on_commit_callbacks
):
    _plain, screened = entries
    request = services.access_request_create(
        name="Siri", email="siri@example.no", entries=[screened]
    )
    client.force_login(archivist)
    url = reverse("archive:access_request", args=[request.pk])
    response = client.post(url, {"status": "refused", "reply": "Avslått.", "refusal_basis": ""})
    assert response.status_code == 400
    assert "må ha hjemmel" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {"status": "refused", "reply": "Avslått.", "refusal_basis": "offl. § 13"},
        )
    request.refresh_from_db()
    assert request.status == "refused" and request.handled_by == archivist
    assert len(mail.outbox) == 1
    assert "offl. § 13" in mail.outbox[0].body and "klage" in mail.outbox[0].body
    assert not mail.outbox[0].attachments
    assert ArchiveEvent.objects.filter(action="access_request_changed").count() == 1
    with pytest.raises(services.ArchiveError, match="allerede besvart"):
        services.access_request_decide(request=request, by=archivist, status="granted")


def test_granted_access_sends_the_documents_and_partly_holds_back_screened_ones(
    entries, archivist, django_capture_on_commit_callbacks
):
    plain, screened = entries
    full = services.access_request_create(name="A", email="a@example.no", entries=[plain])
    part = services.access_request_create(name="B", email="b@example.no", entries=[plain, screened])
    with django_capture_on_commit_callbacks(execute=True):
        services.access_request_decide(
            request=full, by=archivist, status="granted", reply="Vedlagt."
        )
        services.access_request_decide(
            request=part, by=archivist, status="partly", reply="Delvis.", refusal_basis="offl. § 13"
        )
    granted, partly = mail.outbox
    assert [a[0] for a in granted.attachments] == [f"{plain.registry_id.replace('/', '-')}-1.pdf"]
    assert [a[0] for a in partly.attachments] == [f"{plain.registry_id.replace('/', '-')}-1.pdf"]
    counts = services.access_request_counts()
    assert counts["granted"] == 1 and counts["partly"] == 1 and counts["overdue"] == 0


def test_only_records_officers_handle_requests(client, entries, moderator):
    plain, _screened = entries
    request = services.access_request_create(name="A", email="a@example.no", entries=[plain])
    with pytest.raises(Exception):  # noqa: B017 - AccessDenied, a PermissionDenied
        services.access_request_decide(request=request, by=moderator, status="granted")
    client.force_login(moderator)
    assert client.get(reverse("archive:access_request", args=[request.pk])).status_code == 403
    response = client.post(
        reverse("archive:access_request", args=[request.pk]), {"status": "granted"}
    )
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.status == "received"
