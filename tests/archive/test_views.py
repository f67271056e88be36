import pytest
from django.urls import reverse
from lxml import etree

from archive import services
from archive.models import JournalEntry, Nomination
from tests.archive.factories import fake_render, journal, nominate
from tests.forum.factories import RoomFactory, ThreadFactory, TopicFactory


@pytest.fixture
def screened(topic, case_worker, archivist):
    thread = ThreadFactory(topic=topic, author=case_worker, title="Søknad fra Ola Nordmann")
    return journal(
        thread,
        archivist,
        public_title="Søknad fra *****",
        screening_basis="offl. § 13 jf. fvl. § 13",
        screen_title=True,
        screen_names=True,
    )


@pytest.fixture
def fake_pdf(monkeypatch):
    monkeypatch.setattr("archive.rendering.thread_pdf", fake_render)


def test_screened_names_are_absent_from_the_public_journal_page(
    client, screened, case_worker, archivist, django_assert_max_num_queries
):
    for person in (None, case_worker, archivist):
        client.logout()
        if person:
            client.force_login(person)
        with django_assert_max_num_queries(12):
            page = client.get(reverse("archive:public_journal")).content.decode()
        assert "Ola Nordmann" not in page
        if person != case_worker:  # her own name is in the page header
            assert case_worker.full_name not in page
        assert "Søknad fra *****" in page
        assert "offl. § 13 jf. fvl. § 13" in page


def test_public_journal_xml_is_valid_and_screened(client, screened, case_worker):
    response = client.get(reverse("archive:public_journal_xml"))
    body = b"".join(response.streaming_content)
    assert b"Ola Nordmann" not in body
    assert case_worker.full_name.encode() not in body
    from archive.noark.export import SCHEMA_DIR

    schema = etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "offentligJournal.xsd")))
    assert schema.validate(etree.fromstring(body)), schema.error_log


def test_public_journal_links_a_closed_room_thread_only_for_members(
    client, archivist, case_worker, colleague
):
    closed = RoomFactory(kind="closed", slug="lukket")
    thread = ThreadFactory(topic=TopicFactory(room=closed), author=case_worker, title="Lukket tråd")
    # Nominated by a member of the room; the records officer journals it from the queue.
    nomination = Nomination.objects.create(thread=thread, reason="Vedtak", source="manual")
    journal(thread, archivist, nomination=nomination)
    client.force_login(colleague)
    page = client.get(reverse("archive:public_journal")).content.decode()
    assert "Lukket tråd" in page  # the public title is public
    assert thread.get_absolute_url() not in page


@pytest.mark.parametrize(
    "name, args",
    [
        ("archive:queue", []),
        ("archive:cases", []),
        ("archive:rules", []),
        ("archive:disposals", []),
        ("archive:log", []),
    ],
)
def test_non_records_officer_cannot_see_archive_pages(client, moderator, name, args):
    client.force_login(moderator)
    assert client.get(reverse(name, args=args)).status_code == 403


def test_non_records_officer_cannot_see_screened_fields_or_documents(
    client, screened, moderator, case_worker
):
    document = screened.documents.get()
    for person in (moderator, case_worker):
        client.force_login(person)
        assert client.get(reverse("archive:entry", args=[screened.pk])).status_code == 403
        assert client.get(reverse("archive:case", args=[screened.case_id])).status_code == 403
        assert client.get(reverse("archive:document", args=[document.pk])).status_code == 403
        thread_page = client.get(screened.thread.get_absolute_url()).content.decode()
        assert "offl. § 13" not in thread_page


def test_records_officer_sees_screened_fields_and_downloads_the_frozen_pdf(
    client, screened, archivist
):
    client.force_login(archivist)
    page = client.get(reverse("archive:entry", args=[screened.pk])).content.decode()
    assert "Søknad fra Ola Nordmann" in page and "offl. § 13 jf. fvl. § 13" in page
    response = client.get(reverse("archive:document", args=[screened.documents.get().pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_records_officer_journals_from_the_queue(client, topic, case_worker, archivist, fake_pdf):
    thread = ThreadFactory(topic=topic, author=case_worker, title="Ny praksis")
    nomination = nominate(thread, case_worker)
    client.force_login(archivist)
    url = reverse("archive:journal", args=[nomination.pk])
    assert client.get(url).status_code == 200
    data = {
        "case": "",
        "new_case_title": "",
        "title": "Ny praksis",
        "document_date": "2026-01-05",
        "type": "X",
        "responsible_unit": archivist.org_unit_id,
        "screening_basis": "",
    }
    response = client.post(url, data)
    assert response.status_code == 400  # a new case needs a title and class
    assert 'value="Ny praksis"' in response.content.decode()  # what was typed is kept
    from archive.models import ArchiveClass

    data.update(new_case_title="Praksis", archive_class=ArchiveClass.objects.get().pk)
    response = client.post(url, data)
    entry = JournalEntry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("archive:entry", args=[entry.pk])


def test_moderator_cannot_post_a_journaling(client, topic, case_worker, moderator, archivist):
    nomination = nominate(ThreadFactory(topic=topic, author=case_worker), case_worker)
    client.force_login(moderator)
    response = client.post(reverse("archive:journal", args=[nomination.pk]), {"title": "x"})
    assert response.status_code == 403
    assert not JournalEntry.objects.exists()


def test_case_close_from_the_case_page(client, screened, archivist):
    client.force_login(archivist)
    client.post(reverse("archive:case_close", args=[screened.case_id]))
    screened.case.refresh_from_db()
    assert not screened.case.is_open
    # A second close is refused with a message, not a 500.
    response = client.post(reverse("archive:case_close", args=[screened.case_id]), follow=True)
    assert response.status_code == 200
    with pytest.raises(services.ArchiveError):
        services.case_close(case=screened.case, by=archivist)
