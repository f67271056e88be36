"""A full or failing storage: a clear message, the text kept, no partial file, no row."""

import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.urls import reverse

from archive.models import JournalEntry
from archive.services import ArchiveError
from fagrom.storage import storage_save
from forum.models import Attachment, Post
from tests.archive.factories import journal
from tests.forum.factories import ThreadFactory
from tests.forum.files import PDF, upload

BIG_PDF = PDF + b"%" + b"x" * 200_000 + b"\n"  # a valid PDF head, well past the capacity


@pytest.fixture
def full_disk(settings, tmp_path):
    """A private storage with room for 50 000 bytes."""
    root = tmp_path / "full"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "tests.storage_stubs.FullDiskStorage",
            "OPTIONS": {"location": str(root), "base_url": None, "capacity": 50_000},
        },
    }
    return root


def _files(root):
    return sorted(
        os.path.relpath(os.path.join(folder, name), root)
        for folder, _dirs, names in os.walk(root)
        for name in names
    )


def test_a_reply_whose_attachment_fills_the_disk_keeps_the_text_and_leaves_nothing(
    client, case_worker, topic, full_disk
):
    thread = ThreadFactory(topic=topic)
    client.force_login(case_worker)
    response = client.post(
        reverse("forum:reply", args=[thread.pk]),
        {
            "body": "Svaret jeg skrev før disken ble full",
            "attachments": upload("stor.pdf", BIG_PDF),
        },
    )
    assert response.status_code == 503
    assert response["Retry-After"]
    html = response.content.decode()
    assert "lagringsplassen er full eller utilgjengelig" in html
    assert "Svaret jeg skrev før disken ble full" in html
    assert _files(full_disk) == []  # the 50 000 bytes written before ENOSPC are gone too
    assert thread.posts.count() == 1
    assert not Attachment.objects.exists()


def test_a_new_thread_with_a_failing_attachment_is_not_created(
    client, case_worker, topic, full_disk
):
    client.force_login(case_worker)
    url = reverse("forum:thread_new", args=[topic.room.slug, topic.slug])
    data = {
        "title": "Tråd som ikke får plass",
        "body": "Teksten skal stå igjen",
        "kind": "discussion",
        "attachments": upload("stor.pdf", BIG_PDF),
    }
    response = client.post(url, data)
    assert response.status_code == 503
    html = response.content.decode()
    assert "Tråd som ikke får plass" in html and "Teksten skal stå igjen" in html
    assert not topic.threads.exists()
    assert _files(full_disk) == []


def test_a_second_file_that_does_not_fit_takes_the_first_one_with_it(
    client, case_worker, topic, full_disk
):
    thread = ThreadFactory(topic=topic)
    client.force_login(case_worker)
    small = PDF + b"%" + b"y" * 30_000 + b"\n"
    response = client.post(
        reverse("forum:reply", args=[thread.pk]),
        {"body": "To vedlegg", "attachments": [upload("a.pdf", small), upload("b.pdf", small)]},
    )
    assert response.status_code == 503
    assert _files(full_disk) == []
    assert not Post.objects.filter(body="To vedlegg").exists()


def test_journaling_onto_a_full_archive_storage_explains_and_journals_nothing(
    topic, case_worker, archivist, full_disk
):
    thread = ThreadFactory(topic=topic, author=case_worker)
    with pytest.raises(ArchiveError, match="arkivlagringen er full"):
        journal(thread, archivist, render=lambda thread, frozen_at=None: BIG_PDF)
    assert not JournalEntry.objects.exists()
    assert _files(full_disk) == []


def test_a_file_written_for_a_post_that_rolls_back_is_removed(
    case_worker, topic, monkeypatch, tmp_path
):
    from forum.services import post_reply, posting

    thread = ThreadFactory(topic=topic)

    def fail(**kwargs):
        raise RuntimeError("something after the file was written")

    monkeypatch.setattr(posting, "_after_publish", fail)
    with pytest.raises(RuntimeError):
        post_reply(thread=thread, author=case_worker, body="x", attachments=[upload("a.pdf", PDF)])
    assert _files(tmp_path / "private") == []
    assert not Attachment.objects.exists()


def test_storage_check_lists_and_deletes_only_files_no_record_points_to(
    client, case_worker, topic, tmp_path
):
    thread = ThreadFactory(topic=topic)
    client.force_login(case_worker)
    client.post(
        reverse("forum:reply", args=[thread.pk]),
        {"body": "Med vedlegg", "attachments": upload("a.pdf", PDF)},
    )
    kept = Attachment.objects.get().stored_name
    storage = storages["private"]
    storage_save(storage=storage, name="attachments/2026/01/orphan", content=ContentFile(b"x"))
    storage.save("archive/2026/leftover.pdf.partial", ContentFile(b"half"))
    old = time.time() - 3600
    for name in ("attachments/2026/01/orphan", "archive/2026/leftover.pdf.partial"):
        os.utime(storage.path(name), (old, old))

    from io import StringIO

    out = StringIO()
    call_command("storage_check", stdout=out)
    listed = out.getvalue()
    assert "attachments/2026/01/orphan" in listed and "leftover.pdf.partial" in listed
    assert kept not in listed
    assert "2 orphaned files" in listed
    assert storage.exists("attachments/2026/01/orphan")  # listing deletes nothing

    call_command("storage_check", "--delete", stdout=StringIO())
    assert not storage.exists("attachments/2026/01/orphan")
    assert not storage.exists("archive/2026/leftover.pdf.partial")
    assert storage.exists(kept)
