"""Disposal as a records system does it (issue 15, item 4; issue 19's retention schedule).

Four eyes on approval, every item checked again when the list runs, files gone
from storage with their records and listed in the log, closed cases disposed of
by the retention schedule with their metadata kept.
"""

from datetime import timedelta

import pytest
from django.core.files.storage import storages
from django.urls import reverse
from django.utils import timezone

from archive import services
from archive.models import (
    ArchivalDocument,
    ArchiveClass,
    ArchiveEvent,
    Case,
    DisposalItem,
    DisposalList,
)
from forum.models import Attachment, Post, Thread
from forum.services import post_reply
from tests.archive.factories import default_class, journal
from tests.forum.factories import PostFactory, ThreadFactory
from tests.forum.files import PDF


def _old_thread(topic, author, title, years=4):
    thread = ThreadFactory(topic=topic, author=author, title=title)
    at = timezone.now() - timedelta(days=365 * years)
    Thread.objects.filter(pk=thread.pk).update(created_at=at, last_post_at=at)
    Post.objects.filter(thread=thread).update(created_at=at)
    thread.refresh_from_db()
    return thread


def _with_file(thread, author, name="vedtak.pdf"):
    """An attachment stored the way uploads are, on the thread's first post."""
    post = thread.posts.order_by("position").first()
    stored = storages["private"].save(f"attachments/test/{name}", _content(PDF))
    return Attachment.objects.create(
        post=post,
        stored_name=stored,
        original_name=name,
        content_type="application/pdf",
        kind="pdf",
        size=len(PDF),
        sha256="0" * 64,
        uploaded_by=author,
    )


def _content(data):
    from django.core.files.base import ContentFile

    return ContentFile(data)


@pytest.fixture
def rule(topic, archivist):
    return services.retention_rule_create(by=archivist, inactive_years=3, topic=topic)


# Four eyes ------------------------------------------------------------------------------


def test_the_records_officer_who_made_the_rule_cannot_approve_the_list(
    rule, topic, case_worker, archivist, client
):
    thread = _old_thread(topic, case_worker, "Gammel tråd")
    disposal_list = services.disposal_propose()
    with pytest.raises(services.ArchiveError, match="En annen arkivar"):
        services.disposal_approve(disposal_list=disposal_list, by=archivist)
    # The same attempt through the page: refused with the message, nothing deleted.
    client.force_login(archivist)
    response = client.post(
        reverse("archive:disposal", args=[disposal_list.pk]), {"action": "approve"}
    )
    assert response.status_code == 400
    assert "En annen arkivar må godkjenne" in response.content.decode()
    assert Thread.objects.filter(pk=thread.pk).exists()
    disposal_list.refresh_from_db()
    assert disposal_list.status == DisposalList.Status.PROPOSED


def test_the_records_officer_who_proposed_the_list_cannot_approve_it(
    topic, case_worker, archivist, second_archivist, client
):
    services.retention_rule_create(by=second_archivist, inactive_years=3, topic=topic)
    thread = _old_thread(topic, case_worker, "Gammel tråd")
    client.force_login(archivist)
    response = client.post(reverse("archive:disposal_propose"))
    disposal_list = DisposalList.objects.get()
    assert response.status_code == 302
    assert disposal_list.proposed_by == archivist
    # Berit made the rule and Arne proposed the list: neither may approve alone.
    for officer in (archivist, second_archivist):
        with pytest.raises(services.ArchiveError):
            services.disposal_approve(disposal_list=disposal_list, by=officer)
    assert Thread.objects.filter(pk=thread.pk).exists()


def test_a_one_officer_agency_may_approve_alone_and_the_log_says_so(
    rule, topic, case_worker, archivist, settings
):
    settings.ARCHIVE_SINGLE_RECORDS_OFFICER = True
    thread = _old_thread(topic, case_worker, "Gammel tråd")
    disposal_list = services.disposal_approve(
        disposal_list=services.disposal_propose(), by=archivist
    )
    assert disposal_list.single_officer
    assert not Thread.objects.filter(pk=thread.pk).exists()
    event = ArchiveEvent.objects.get(action=ArchiveEvent.Action.DISPOSAL_APPROVED)
    assert event.details["single_officer"] is True
    assert "én arkivar alene" in event.summary


def test_a_second_records_officer_approves_and_is_recorded(
    rule, topic, case_worker, second_archivist
):
    _old_thread(topic, case_worker, "Gammel tråd")
    disposal_list = services.disposal_approve(
        disposal_list=services.disposal_propose(), by=second_archivist
    )
    assert disposal_list.decided_by == second_archivist and not disposal_list.single_officer


def test_whoever_placed_a_legal_hold_cannot_lift_it_alone(
    topic, case_worker, archivist, second_archivist
):
    thread = ThreadFactory(topic=topic, author=case_worker)
    hold = services.legal_hold_place(thread=thread, by=archivist, reason="Klagesak")
    with pytest.raises(services.ArchiveError, match="En annen arkivar"):
        services.legal_hold_lift(hold=hold, by=archivist)
    services.legal_hold_lift(hold=hold, by=second_archivist)
    hold.refresh_from_db()
    assert hold.lifted_by == second_archivist


# Checked again when the list runs ----------------------------------------------------------


def test_a_reply_after_the_proposal_keeps_the_thread_and_its_new_file(
    rule, topic, case_worker, second_archivist, django_capture_on_commit_callbacks
):
    thread = _old_thread(topic, case_worker, "Gammel tråd som fikk svar")
    disposal_list = services.disposal_propose()
    # The same day: a reply with a PDF.
    from django.core.files.uploadedfile import SimpleUploadedFile

    post_reply(
        thread=thread,
        author=case_worker,
        body="Her er vedtaket.",
        attachments=[SimpleUploadedFile("vedtak.pdf", PDF, content_type="application/pdf")],
    )
    attachment = Attachment.objects.get(post__thread=thread)
    with django_capture_on_commit_callbacks(execute=True):
        services.disposal_approve(disposal_list=disposal_list, by=second_archivist)
    item = DisposalItem.objects.get(disposal_list=disposal_list)
    assert item.outcome == DisposalItem.Outcome.KEPT
    assert item.kept_reason == "Nytt innlegg etter at listen ble foreslått"
    assert Thread.objects.filter(pk=thread.pk).exists()
    assert storages["private"].exists(attachment.stored_name)


def test_a_post_inserted_without_updating_the_thread_still_keeps_it(
    rule, topic, case_worker, second_archivist
):
    thread = _old_thread(topic, case_worker, "Import uten tellere")
    disposal_list = services.disposal_propose()
    PostFactory(thread=thread, author=case_worker, position=9)
    Thread.objects.filter(pk=thread.pk).update(last_post_at=thread.last_post_at)
    services.disposal_approve(disposal_list=disposal_list, by=second_archivist)
    assert Thread.objects.filter(pk=thread.pk).exists()


def test_a_rule_switched_off_or_made_longer_keeps_the_thread(
    rule, topic, case_worker, archivist, second_archivist
):
    thread = _old_thread(topic, case_worker, "Gammel tråd", years=4)
    disposal_list = services.disposal_propose()
    type(rule).objects.filter(pk=rule.pk).update(inactive_years=10)
    services.disposal_approve(disposal_list=disposal_list, by=second_archivist)
    item = DisposalItem.objects.get(disposal_list=disposal_list)
    assert item.kept_reason == "Ikke lenger inaktiv så lenge regelen krever"
    assert Thread.objects.filter(pk=thread.pk).exists()

    services.retention_rule_create(by=archivist, inactive_years=3, room=topic.room)
    second = services.disposal_propose()
    services.rule_deactivate(rule=second.items.get().rule, by=archivist)
    services.disposal_approve(disposal_list=second, by=second_archivist)
    assert second.items.get().kept_reason == "Bevaringsregelen er slått av"


# Files go with their records -------------------------------------------------------------


def test_files_of_disposed_posts_leave_the_storage_and_are_listed_in_the_log(
    rule, topic, case_worker, second_archivist, client, django_capture_on_commit_callbacks
):
    disposed = _old_thread(topic, case_worker, "Gammel tråd med vedlegg")
    attachment = _with_file(disposed, case_worker)
    kept = _old_thread(topic, case_worker, "Holdt tilbake")
    kept_file = _with_file(kept, case_worker, name="beholdes.pdf")
    disposal_list = services.disposal_propose()
    services.legal_hold_place(thread=kept, by=second_archivist, reason="Klage")
    storage = storages["private"]
    assert storage.exists(attachment.stored_name)

    with django_capture_on_commit_callbacks(execute=True):
        services.disposal_approve(disposal_list=disposal_list, by=second_archivist)

    assert not storage.exists(attachment.stored_name)
    assert not Attachment.objects.filter(pk=attachment.pk).exists()
    assert storage.exists(kept_file.stored_name)
    item = DisposalItem.objects.get(disposal_list=disposal_list, thread_pk=disposed.pk)
    assert item.deleted_files == [
        {
            "stored_name": attachment.stored_name,
            "original_name": "vedtak.pdf",
            "size": len(PDF),
            "sha256": "0" * 64,
        }
    ]
    event = ArchiveEvent.objects.get(action=ArchiveEvent.Action.THREAD_DISPOSED)
    assert event.details["files"] == [attachment.stored_name]
    client.force_login(second_archivist)
    page = client.get(reverse("archive:disposal", args=[disposal_list.pk])).content.decode()
    assert "vedtak.pdf" in page


def test_files_stay_when_the_disposal_is_rolled_back(
    rule, topic, case_worker, second_archivist, django_capture_on_commit_callbacks, monkeypatch
):
    thread = _old_thread(topic, case_worker, "Gammel tråd med vedlegg")
    attachment = _with_file(thread, case_worker)
    disposal_list = services.disposal_propose()

    def fail(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(DisposalItem.objects, "bulk_update", fail)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        services.disposal_approve(disposal_list=disposal_list, by=second_archivist)
    assert storages["private"].exists(attachment.stored_name)
    assert Thread.objects.filter(pk=thread.pk).exists()


# The retention schedule for cases ------------------------------------------------------


@pytest.fixture
def disposable_class(archivist, topic):
    # Needs ``topic``: the room must exist before the archivist's grants are memoised.
    klass = ArchiveClass.objects.create(code="F09", title="Enkelthenvendelser")
    return services.archive_class_retention_set(
        archive_class=klass,
        by=archivist,
        decision="dispose",
        years=2,
        basis="Bevarings- og kassasjonsplan pkt. 4",
    )


def _closed_case_in(klass, thread, archivist, years_ago=3):
    entry = journal(thread, archivist)
    case = entry.case
    Case.objects.filter(pk=case.pk).update(archive_class=klass)
    services.case_close(case=case, by=archivist)
    Case.objects.filter(pk=case.pk).update(
        closed_at=timezone.now() - timedelta(days=365 * years_ago)
    )
    case.refresh_from_db()
    return case


def test_cases_inherit_their_class_retention_unless_they_have_their_own(
    disposable_class, topic, case_worker, archivist
):
    case = _closed_case_in(
        disposable_class, ThreadFactory(topic=topic, author=case_worker), archivist
    )
    retention = case.retention
    assert (retention.decision, retention.years, retention.inherited) == ("dispose", 2, True)
    assert retention.due == (
        timezone.localdate(case.closed_at).replace(year=timezone.localdate(case.closed_at).year + 2)
    )
    services.case_retention_set(case=case, by=archivist, decision="keep")
    case.refresh_from_db()
    assert case.retention.decision == "keep" and not case.retention.inherited
    assert case.retention.due is None
    with pytest.raises(services.ArchiveError, match="hjemmel"):
        services.case_retention_set(case=case, by=archivist, decision="dispose", years=5)


def test_a_due_case_is_disposed_of_keeping_its_entries_and_losing_its_files(
    disposable_class,
    topic,
    case_worker,
    archivist,
    second_archivist,
    django_capture_on_commit_callbacks,
):
    case = _closed_case_in(
        disposable_class, ThreadFactory(topic=topic, author=case_worker), archivist
    )
    kept_case = Case.objects.get(
        pk=_closed_case_in(
            default_class(), ThreadFactory(topic=topic, author=case_worker), archivist
        ).pk
    )  # F01 keeps its cases
    document = ArchivalDocument.objects.get(entry__case=case)
    disposal_list = services.disposal_propose()
    assert [i.case_id for i in disposal_list.items.all()] == [case.pk]
    with django_capture_on_commit_callbacks(execute=True):
        services.disposal_approve(disposal_list=disposal_list, by=second_archivist)
    document.refresh_from_db()
    assert document.disposed_at and document.disposed_by_name == second_archivist.display_name
    assert not storages["private"].exists(document.file_name)
    assert case.entries.count() == 1  # the journal keeps the entry
    item = disposal_list.items.get()
    assert item.outcome == "disposed" and item.deleted_files[0]["stored_name"] == document.file_name
    assert ArchivalDocument.objects.get(entry__case=kept_case).disposed_at is None
    assert services.disposal_propose() is None  # nothing left to dispose of
    with pytest.raises(services.ArchiveError, match="kassert"):
        services.case_reopen(case=case, by=archivist, reason="Ny klage")


def test_a_case_reopened_after_the_proposal_is_kept(
    disposable_class, topic, case_worker, archivist, second_archivist
):
    case = _closed_case_in(
        disposable_class, ThreadFactory(topic=topic, author=case_worker), archivist
    )
    disposal_list = services.disposal_propose()
    services.case_reopen(case=case, by=archivist, reason="Ny klage i saken")
    services.disposal_approve(disposal_list=disposal_list, by=second_archivist)
    assert disposal_list.items.get().kept_reason == "Saken er gjenåpnet"
    assert ArchivalDocument.objects.get(entry__case=case).disposed_at is None


def test_the_schedule_page_sets_a_class_and_refuses_disposal_without_basis(
    disposable_class, archivist, client
):
    client.force_login(archivist)
    url = reverse("archive:retention_schedule")
    prefix = f"c{disposable_class.pk}"
    response = client.post(
        url,
        {
            "archive_class": disposable_class.pk,
            f"{prefix}-decision": "dispose",
            f"{prefix}-years": "5",
            f"{prefix}-basis": "",
        },
    )
    assert response.status_code == 400
    assert "Oppgi hjemmel for kassasjonen." in response.content.decode()
    response = client.post(
        url,
        {
            "archive_class": disposable_class.pk,
            f"{prefix}-decision": "keep",
            f"{prefix}-years": "",
            f"{prefix}-basis": "",
        },
    )
    assert response.status_code == 302
    disposable_class.refresh_from_db()
    assert disposable_class.disposal_decision == "keep"
    assert ArchiveEvent.objects.filter(action="retention_changed").count() == 2
