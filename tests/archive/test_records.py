"""A journaled record is what it was: served only when its bytes match, frozen with
removed posts shown as removed, tagged, numbered on every page; and the case life cycle."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.urls import reverse
from pypdf import PdfReader

from archive import rendering, services
from archive.models import ArchiveEvent, Case, JournalEntry, JournalSequence
from forum.services.moderation import post_hide
from tests.archive.factories import fake_render, journal, nominate
from tests.forum.factories import PostFactory, ThreadFactory

MARKER = "Personnummer 01017012345 til bruker"


@pytest.fixture
def entry(topic, case_worker, archivist):
    return journal(ThreadFactory(topic=topic, author=case_worker, title="Karensdager"), archivist)


def _tamper(document, data=b"%PDF-1.7 replaced"):
    storage = storages["private"]
    storage.delete(document.file_name)
    storage.save(document.file_name, ContentFile(data))


# SHA-256 when served ----------------------------------------------------------------------


def test_a_tampered_document_is_refused_with_a_message_and_an_audit_entry(entry, archivist, client):
    document = entry.documents.get()
    _tamper(document)
    client.force_login(archivist)
    response = client.get(reverse("archive:document", args=[document.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("archive:entry", args=[entry.pk])
    assert not getattr(response, "streaming", False)  # no byte of the file went out
    page = client.get(response["Location"]).content.decode()
    assert "stemmer ikke med sjekksummen fra journalføringen" in page
    event = ArchiveEvent.objects.get(action=ArchiveEvent.Action.DOCUMENT_CHECKSUM_FAILED)
    assert event.actor == archivist
    assert event.details["expected"] == document.sha256
    assert event.details["actual"] != document.sha256
    assert not ArchiveEvent.objects.filter(action=ArchiveEvent.Action.DOCUMENT_DOWNLOADED).exists()


def test_a_same_size_change_and_a_missing_file_are_refused_too(entry, archivist):
    document = entry.documents.get()
    original = storages["private"].open(document.file_name, "rb").read()
    _tamper(document, original[:-1] + bytes([original[-1] ^ 1]))
    with pytest.raises(services.DocumentIntegrityError):
        services.document_open(document=document, by=archivist)
    storages["private"].delete(document.file_name)
    with pytest.raises(services.DocumentIntegrityError):
        services.document_open(document=document, by=archivist)
    failed = ArchiveEvent.objects.filter(action=ArchiveEvent.Action.DOCUMENT_CHECKSUM_FAILED)
    assert [e.details["missing"] for e in failed.order_by("at", "id")] == [False, True]


def test_an_intact_document_is_served_and_logged(entry, archivist, client):
    document = entry.documents.get()
    client.force_login(archivist)
    response = client.get(reverse("archive:document", args=[document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == fake_render(entry.thread)[: document.size]
    assert ArchiveEvent.objects.filter(action=ArchiveEvent.Action.DOCUMENT_DOWNLOADED).exists()


# Removed posts in the archived PDF ---------------------------------------------------------


@pytest.fixture
def thread_with_removed_post(topic, case_worker, moderator):
    thread = ThreadFactory(topic=topic, author=case_worker, title="Spørsmål om karens")
    post = PostFactory(thread=thread, author=case_worker, body=MARKER, body_html=f"<p>{MARKER}</p>")
    post_hide(post=post, by=moderator, reason="Personopplysninger")
    return thread


def test_the_archived_pdf_shows_a_removed_post_as_removed_with_its_reason(
    thread_with_removed_post,
):
    html = rendering.thread_html(thread_with_removed_post)
    assert MARKER not in html
    assert "fjernet av moderator" in html and "Personopplysninger" in html
    text = "".join(
        p.extract_text()
        for p in PdfReader(io.BytesIO(rendering.thread_pdf(thread_with_removed_post))).pages
    )
    assert "01017012345" not in text
    assert "Personopplysninger" in text


def test_removed_text_is_journaled_only_explicitly_and_with_screening(
    thread_with_removed_post, archivist
):
    captured = {}

    def render(thread, **kwargs):
        captured.update(kwargs)
        return fake_render(thread)

    nomination = nominate(thread_with_removed_post, archivist)
    with pytest.raises(services.ArchiveError, match="skjermes"):
        journal(thread_with_removed_post, archivist, nomination=nomination, include_removed=True)
    assert not JournalEntry.objects.exists()
    journal(
        thread_with_removed_post,
        archivist,
        nomination=nomination,
        render=render,
        include_removed=True,
        public_title="Spørsmål om *****",
        screening_basis="offl. § 13 jf. fvl. § 13",
        screen_title=True,
    )
    assert captured["include_removed"] is True
    html = rendering.thread_html(thread_with_removed_post, include_removed=True)
    assert MARKER in html and "tatt med i arkivkopien etter arkivarens vedtak" in html


def test_the_journaling_form_refuses_removed_text_without_screening(
    thread_with_removed_post, archivist, client, monkeypatch
):
    monkeypatch.setattr("archive.rendering.thread_pdf", fake_render)
    nomination = nominate(thread_with_removed_post, archivist)
    client.force_login(archivist)
    from archive.models import ArchiveClass

    response = client.post(
        reverse("archive:journal", args=[nomination.pk]),
        {
            "new_case_title": "Sak",
            "archive_class": ArchiveClass.objects.get().pk,
            "title": "Spørsmål",
            "document_date": "2026-01-05",
            "type": "X",
            "responsible_unit": archivist.org_unit_id,
            "include_removed": "on",
        },
    )
    assert response.status_code == 400
    assert "Fjernede innlegg tas bare med når journalposten skjermes" in response.content.decode()
    assert not JournalEntry.objects.exists()


# The preview is the same HTML, escaped into a sandboxed iframe ---------------------------------


def test_the_journaling_preview_is_escaped_into_a_sandboxed_srcdoc(
    topic, case_worker, archivist, client
):
    thread = ThreadFactory(topic=topic, author=case_worker, title='Tittel med "anførsel"')
    PostFactory(thread=thread, author=case_worker, body_html='<p class="x">Svar &amp; mer</p>')
    nomination = nominate(thread, case_worker)
    client.force_login(archivist)
    page = client.get(reverse("archive:journal", args=[nomination.pk])).content.decode()
    frame = re.search(r"<iframe[^>]*>", page).group(0)
    assert "sandbox" in frame
    srcdoc = re.search(r'srcdoc="([^"]*)"', frame).group(1)
    assert srcdoc.startswith("&lt;!DOCTYPE html&gt;")
    assert "&lt;p class=&quot;x&quot;&gt;Svar &amp;amp; mer" in srcdoc
    # Nothing of the thread's own markup reaches the page outside the frame.
    assert '<p class="x">' not in page


# Tagged PDF with the numbers on every page --------------------------------------------------


def _structure_types(node, out):
    node = node.get_object()
    if "/S" in node:
        out.append(str(node["/S"]))
    kids = node.get("/K")
    kids = kids if isinstance(kids, list) else [kids] if kids is not None else []
    for kid in kids:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, dict):
            _structure_types(kid, out)
    return out


def test_the_archived_pdf_is_tagged_claims_pdf_a_2b_and_pdf_ua_and_numbers_every_page(
    topic, case_worker, archivist
):
    thread = ThreadFactory(topic=topic, author=case_worker, title="Lang tråd om dagpenger")
    for _i in range(12):
        PostFactory(thread=thread, author=case_worker, body_html="<p>" + "Avsnitt. " * 120 + "</p>")
    entry = journal(thread, archivist, render=None)
    document = entry.documents.get()
    reader = PdfReader(storages["private"].open(document.file_name, "rb"))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "nb"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    types = _structure_types(root["/StructTreeRoot"], [])
    assert "/H1" in types
    # One article per post (WeasyPrint starts a new one where a post crosses a page).
    assert types.count("/Art") >= 13 and "/P" in types
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="2"' in xmp and 'pdfaid:conformance="B"' in xmp
    assert 'pdfuaid:part="1"' in xmp
    assert len(reader.pages) > 2
    for page in reader.pages:
        text = page.extract_text()
        assert f"Sak {entry.case.number}" in text
        assert f"journalpost {entry.registry_id}" in text
        assert f"løpenummer {entry.running_number}" in text


def test_numbers_taken_while_rendering_are_rendered_again(topic, case_worker, archivist):
    stamps = []

    def render(thread, *, stamp=None, **kwargs):
        stamps.append(stamp)
        if len(stamps) == 1:  # another records officer journals meanwhile
            JournalSequence.objects.filter(kind="entry").update(last_number=41)
        return fake_render(thread) + str(stamp).encode()

    JournalSequence.objects.create(kind="entry", year=_year(), last_number=7)
    thread = ThreadFactory(topic=topic, author=case_worker)
    entry = journal(thread, archivist, render=render)
    assert [s.running_number for s in stamps] == [f"8/{_year()}", f"42/{_year()}"]
    assert entry.running_number == f"42/{_year()}"
    document = entry.documents.get()
    stored = storages["private"].open(document.file_name, "rb").read()
    assert stored.endswith(str(stamps[1]).encode())
    # The first rendering with the wrong numbers does not linger in the storage.
    _dirs, files = storages["private"].listdir(document.file_name.rsplit("/", 1)[0])
    assert files == [document.file_name.rsplit("/", 1)[1]]


def _year():
    from django.utils import timezone

    return timezone.localdate().year


# Case life cycle ---------------------------------------------------------------------------


def test_a_closed_case_is_reopened_with_a_reason_and_gets_a_new_record_from_the_form(
    entry, topic, case_worker, archivist, client, monkeypatch
):
    monkeypatch.setattr("archive.rendering.thread_pdf", fake_render)
    case = entry.case
    services.case_close(case=case, by=archivist)
    client.force_login(archivist)
    # Reopening needs a reason.
    client.post(reverse("archive:case_reopen", args=[case.pk]), {"reason": ""})
    case.refresh_from_db()
    assert case.status == Case.Status.CLOSED
    client.post(reverse("archive:case_reopen", args=[case.pk]), {"reason": "Ny henvendelse"})
    case.refresh_from_db()
    assert case.is_open and case.closed_at is None
    event = ArchiveEvent.objects.get(action=ArchiveEvent.Action.CASE_REOPENED)
    assert event.details["reason"] == "Ny henvendelse"
    assert (event.old_value, event.new_value) == ("Avsluttet", "Under behandling")

    # The journaling form finds the case by its number and by words of its title.
    nomination = nominate(
        ThreadFactory(topic=topic, author=case_worker, title="Oppfølging"), case_worker
    )
    url = reverse("archive:journal", args=[nomination.pk])
    page = client.get(url, {"sak": case.number}).content.decode()
    assert f'<option value="{case.pk}" selected>{case.number}' in page
    assert "1 åpen sak passer." in page
    page = client.get(url, {"sak": "finnes-ikke"}).content.decode()
    assert f"{case.number} {case.title}</option>" not in page
    response = client.post(
        url + f"?sak={case.number}",
        {
            "case": case.pk,
            "title": "Oppfølging",
            "document_date": "2026-01-05",
            "type": "N",
            "responsible_unit": archivist.org_unit_id,
        },
    )
    assert response.status_code == 302
    assert case.entries.count() == 2
    services.case_close(case=case, by=archivist)
    case.refresh_from_db()
    assert case.status == Case.Status.CLOSED


def test_reopening_is_for_records_officers_and_refused_for_an_open_case(
    entry, archivist, moderator, client
):
    client.force_login(moderator)
    response = client.post(reverse("archive:case_reopen", args=[entry.case_id]), {"reason": "x"})
    assert response.status_code == 403
    with pytest.raises(services.ArchiveError, match="ikke avsluttet"):
        services.case_reopen(case=entry.case, by=archivist, reason="x")


def test_the_case_page_shows_status_and_inherited_retention(entry, archivist, client):
    client.force_login(archivist)
    page = client.get(reverse("archive:case", args=[entry.case_id])).content.decode()
    assert "Under behandling" in page
    assert "arvet fra arkivklassen" in page
    page = client.get(reverse("archive:cases")).content.decode()
    assert "Under behandling" in page
