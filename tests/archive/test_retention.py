from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

import access
from archive import services
from archive.models import ArchiveEvent, DisposalItem, DisposalList
from forum.models import Post, Thread
from tests.archive.factories import journal, nominate
from tests.forum.factories import PostFactory, ThreadFactory


def _old_thread(topic, author, title, years=4):
    thread = ThreadFactory(topic=topic, author=author, title=title)
    PostFactory(thread=thread, author=author)
    at = timezone.now() - timedelta(days=365 * years)
    Thread.objects.filter(pk=thread.pk).update(created_at=at, last_post_at=at, post_count=2)
    Post.objects.filter(thread=thread).update(created_at=at)
    thread.refresh_from_db()
    return thread


@pytest.fixture
def old_threads(topic, case_worker, archivist):
    services.retention_rule_create(by=archivist, inactive_years=3, topic=topic)
    threads = {
        name: _old_thread(topic, case_worker, name)
        for name in ("plain", "journaled", "held", "nominated", "held_later")
    }
    threads["recent"] = ThreadFactory(topic=topic, author=case_worker, title="recent")
    journal(threads["journaled"], archivist)
    services.legal_hold_place(thread=threads["held"], by=archivist, reason="Klagesak")
    nominate(threads["nominated"], case_worker)
    return threads


def test_disposal_list_never_proposes_journaled_held_nominated_or_recent_threads(old_threads):
    disposal_list = services.disposal_propose()
    titles = set(disposal_list.items.values_list("title", flat=True))
    assert titles == {"plain", "held_later"}
    assert services.disposal_propose() is None  # already waiting on a list


def test_approved_disposal_deletes_only_unprotected_threads_and_keeps_a_log(
    old_threads, archivist, second_archivist, topic
):
    topic.refresh_from_db()
    disposal_list = services.disposal_propose()
    # Put on hold after the proposal: approval must still keep it.
    services.legal_hold_place(thread=old_threads["held_later"], by=archivist, reason="Innsyn")
    services.disposal_approve(disposal_list=disposal_list, by=second_archivist)

    assert not Thread.objects.filter(title="plain").exists()
    assert not Post.objects.filter(thread_id=old_threads["plain"].pk).exists()
    for kept in ("journaled", "held", "nominated", "held_later", "recent"):
        assert Thread.objects.filter(title=kept).exists()
    log = {i.title: i for i in DisposalItem.objects.filter(disposal_list=disposal_list)}
    assert log["plain"].outcome == "disposed" and log["plain"].thread_pk == old_threads["plain"].pk
    assert log["plain"].disposed_at and log["plain"].rule_text
    assert log["held_later"].outcome == "kept"
    disposal_list.refresh_from_db()
    assert disposal_list.status == DisposalList.Status.APPROVED
    assert disposal_list.decided_by_name == second_archivist.display_name
    assert not disposal_list.single_officer
    assert ArchiveEvent.objects.filter(action="thread_disposed").count() == 1


def test_disposal_needs_a_records_officer(old_threads, moderator, client):
    disposal_list = services.disposal_propose()
    with pytest.raises(access.AccessDenied):
        services.disposal_approve(disposal_list=disposal_list, by=moderator)
    client.force_login(moderator)
    response = client.post(
        reverse("archive:disposal", args=[disposal_list.pk]), {"action": "approve"}
    )
    assert response.status_code == 403
    assert Thread.objects.filter(title="plain").exists()


def test_rejected_disposal_list_deletes_nothing(old_threads, archivist):
    disposal_list = services.disposal_propose()
    services.disposal_reject(disposal_list=disposal_list, by=archivist, reason="Vent")
    assert Thread.objects.filter(title="plain").exists()
    assert services.disposal_propose() is not None  # may be proposed again


def test_periodic_command_enqueues_the_proposal_task(old_threads):
    from django.core.management import call_command

    call_command("archive_propose_disposal")
    assert DisposalList.objects.filter(status="proposed").count() == 1
