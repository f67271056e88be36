import hashlib
import re
import threading
import zlib
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from django.core.files.storage import storages
from django.db import connection

import access
from archive import services
from archive.models import ArchivalDocument, ArchiveEvent, Case, JournalEntry, Nomination
from forum.services import post_edit
from people.models import User
from tests.archive.factories import default_class, details, journal, nominate
from tests.forum.factories import ThreadFactory


@pytest.fixture
def thread(topic, case_worker):
    return ThreadFactory(topic=topic, author=case_worker, title="Dagpenger ved permittering")


def _stored_bytes(document: ArchivalDocument) -> bytes:
    with storages["private"].open(document.file_name, "rb") as fh:
        return fh.read()


def test_journaling_freezes_content_so_a_later_edit_changes_neither_pdf_nor_checksum(
    thread, archivist, case_worker
):
    post = thread.posts.get()
    post.body = "Opprinnelig svar om karensdager."
    post.save()
    entry = journal(thread, archivist, render=None)  # the real WeasyPrint PDF/A-2b
    document = entry.documents.get()
    frozen = _stored_bytes(document)
    assert frozen.startswith(b"%PDF-")
    assert document.format == "pdf" and "PDF/A-2b" in document.format_details
    assert document.size == len(frozen)
    assert document.sha256 == hashlib.sha256(frozen).hexdigest()

    post_edit(post=post, by=case_worker, body="Endret tekst etter journalføringen.")

    document.refresh_from_db()
    after = _stored_bytes(document)
    assert after == frozen
    assert hashlib.sha256(after).hexdigest() == document.sha256


def _pdf_text(pdf: bytes) -> bytes:
    """The PDF with its compressed streams inflated (objects sit in object streams)."""
    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


def test_pdf_is_pdf_a_2b_with_embedded_fonts_and_no_fetched_resources(thread, archivist):
    from archive.rendering import thread_pdf

    post = thread.posts.get()
    post.body_html = '<p>Se bildet</p><img src="http://127.0.0.1:9/tracker.png">'
    post.save()
    text = _pdf_text(thread_pdf(thread))
    assert b'pdfaid:part="2" pdfaid:conformance="B"' in text
    assert b"/OutputIntents" in text  # sRGB output intent
    assert b"/FontFile" in text  # fonts embedded
    assert b"/Image" not in text  # the URL was never fetched


def test_case_numbers_follow_the_year_and_entries_are_numbered_per_year_and_per_case(
    topic, case_worker, archivist
):
    year = date.today().year
    first = journal(ThreadFactory(topic=topic, author=case_worker), archivist)
    follow_up = journal(ThreadFactory(topic=topic, author=case_worker), archivist, case=first.case)
    other = journal(ThreadFactory(topic=topic, author=case_worker), archivist, new_case_title="B")
    assert first.case.number == f"{year}/1"
    assert other.case.number == f"{year}/2"
    assert [first.sequence_number, follow_up.sequence_number, other.sequence_number] == [1, 2, 3]
    assert follow_up.registry_id == f"{year}/1-2"
    assert other.registry_id == f"{year}/2-1"
    assert first.uuid != follow_up.uuid


def test_journaling_records_the_nomination_and_the_audit_log(thread, archivist):
    nomination = nominate(thread, archivist)
    entry = journal(thread, archivist, nomination=nomination)
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.JOURNALED
    assert nomination.journal_entry == entry
    actions = set(ArchiveEvent.objects.values_list("action", flat=True))
    assert {"nominated", "case_created", "journaled"} <= actions


def test_a_closed_case_takes_no_new_entries(topic, case_worker, archivist):
    entry = journal(ThreadFactory(topic=topic, author=case_worker), archivist)
    services.case_close(case=entry.case, by=archivist)
    entry.refresh_from_db()
    assert entry.status == JournalEntry.Status.ARCHIVED
    with pytest.raises(services.ArchiveError, match="avsluttet"):
        journal(ThreadFactory(topic=topic, author=case_worker), archivist, case=entry.case)
    # The refused journaling left no file behind.
    assert ArchivalDocument.objects.count() == 1


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"screen_names": True}, "hjemmel"),
        ({"screening_basis": "offl. § 14"}, "Velg hva"),
        ({"screen_title": True, "screening_basis": "offl. § 14"}, "offentlige tittelen"),
        ({"title": "  "}, "tittel"),
    ],
)
def test_screening_needs_a_legal_basis_and_a_public_title(thread, archivist, overrides, message):
    with pytest.raises(services.ArchiveError, match=message):
        journal(thread, archivist, **overrides)
    assert not JournalEntry.objects.exists()


def test_non_records_officer_cannot_journal(thread, archivist, moderator, case_worker):
    nomination = nominate(thread, case_worker)
    for person in (moderator, case_worker):
        with pytest.raises(access.AccessDenied):
            services.thread_journal(
                nomination=nomination,
                by=person,
                details=details(person.org_unit),
                new_case=services.NewCase(title="X", archive_class=default_class()),
            )
    assert not Case.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_journalings_get_distinct_numbers_without_gaps(
    topic, case_worker, archivist
):
    if connection.vendor != "postgresql":
        pytest.skip("row locks (select_for_update) serialise numbering only on PostgreSQL")
    shared = journal(ThreadFactory(topic=topic, author=case_worker), archivist).case
    threads = [ThreadFactory(topic=topic, author=case_worker) for _ in range(20)]
    nominations = [nominate(t, archivist) for t in threads]
    barrier = threading.Barrier(20)

    def work(i):
        try:
            officer = User.objects.get(pk=archivist.pk)
            barrier.wait(timeout=30)
            if i % 2:
                return journal(threads[i], officer, nomination=nominations[i], case=shared)
            return journal(threads[i], officer, nomination=nominations[i], new_case_title=f"S{i}")
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=20) as pool:
        entries = list(pool.map(work, range(20)))

    year = date.today().year
    numbers = sorted(
        JournalEntry.objects.filter(year=year).values_list("sequence_number", flat=True)
    )
    assert numbers == list(range(1, 22))
    cases = sorted(Case.objects.filter(year=year).values_list("sequence_number", flat=True))
    assert cases == list(range(1, 12))
    in_shared = sorted(shared.entries.values_list("document_number", flat=True))
    assert in_shared == list(range(1, 12))
    assert len({e.pk for e in entries}) == 20
