from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

import access
from archive import services
from archive.models import ArchiveEvent, Nomination, NominationRule
from tests.archive.factories import journal, nominate
from tests.forum.factories import RoomFactory, ThreadFactory, TopicFactory


@pytest.fixture
def thread(topic, case_worker):
    return ThreadFactory(topic=topic, author=case_worker, title="Karensdager")


def test_author_moderator_and_records_officer_may_nominate(
    thread, case_worker, moderator, archivist, colleague
):
    assert access.can_nominate(case_worker, thread)
    assert access.can_nominate(moderator, thread)
    assert access.can_nominate(archivist, thread)
    assert not access.can_nominate(colleague, thread)
    with pytest.raises(access.AccessDenied):
        nominate(thread, colleague)


def test_a_thread_has_one_pending_nomination_at_a_time(thread, case_worker, moderator):
    nominate(thread, case_worker)
    with pytest.raises(services.ArchiveError, match="allerede"):
        nominate(thread, moderator)


def test_nomination_needs_a_reason_and_the_form_keeps_input(client, thread, case_worker):
    client.force_login(case_worker)
    url = reverse("archive:nominate", args=[thread.pk])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400
    response = client.post(url, {"reason": "Gjelder hele etaten"})
    assert response.status_code == 302
    assert Nomination.objects.get().reason == "Gjelder hele etaten"


def test_closed_room_thread_nomination_page_is_404_for_non_members(client, outsider, case_worker):
    closed = RoomFactory(kind="closed", slug="lukket")
    thread = ThreadFactory(topic=TopicFactory(room=closed), author=case_worker)
    client.force_login(outsider)
    assert client.get(reverse("archive:nominate", args=[thread.pk])).status_code == 404


def test_records_officer_rejects_with_a_reason(thread, case_worker, archivist, moderator):
    nomination = nominate(thread, case_worker)
    with pytest.raises(access.AccessDenied):
        services.nomination_reject(nomination=nomination, by=moderator, reason="Nei")
    with pytest.raises(services.ArchiveError):
        services.nomination_reject(nomination=nomination, by=archivist, reason=" ")
    services.nomination_reject(nomination=nomination, by=archivist, reason="Ikke saksdokument")
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.REJECTED
    assert nomination.decision_reason == "Ikke saksdokument"
    nominate(thread, case_worker)  # may be proposed again later


def test_all_threads_rule_nominates_new_threads_of_its_topic_once(topic, case_worker, archivist):
    old = ThreadFactory(topic=topic, author=case_worker)
    old.created_at = timezone.now() - timedelta(days=10)
    old.save()
    services.nomination_rule_create(by=archivist, what="thread", topic=topic)
    new = ThreadFactory(topic=topic, author=case_worker)
    elsewhere = ThreadFactory(author=case_worker)
    assert services.nominations_propose_from_rules() == 1
    assert services.nominations_propose_from_rules() == 0
    nominated = Nomination.objects.get()
    assert nominated.thread == new and nominated.source == "thread"
    assert not Nomination.objects.filter(thread__in=[old, elsewhere]).exists()


def test_nomination_propose_follows_room_rules_for_forum_events(topic, case_worker, archivist):
    thread = ThreadFactory(topic=topic, author=case_worker)
    assert (
        services.nomination_propose(thread=thread, reason="Verifisert", source="verified_answer")
        is None
    )
    NominationRule.objects.create(room=topic.room, what="verified_answer", created_by=archivist)
    nomination = services.nomination_propose(
        thread=thread, reason="Svar verifisert av moderator", source="verified_answer"
    )
    assert nomination.source == "verified_answer" and nomination.nominated_by is None
    # Already pending: nothing new.
    assert (
        services.nomination_propose(thread=thread, reason="Igjen", source="verified_answer") is None
    )


def test_queue_lists_pending_nominations_for_records_officers_only(
    client, thread, case_worker, moderator, archivist, django_assert_max_num_queries
):
    nominate(thread, case_worker, reason="Viktig presisering")
    for person in (case_worker, moderator):
        client.force_login(person)
        assert client.get(reverse("archive:queue")).status_code == 403
    client.force_login(archivist)
    for i in range(5):
        nominate(ThreadFactory(topic=thread.topic, author=case_worker), archivist, reason=f"R{i}")
    with django_assert_max_num_queries(14):
        response = client.get(reverse("archive:queue"))
    assert response.status_code == 200
    assert "Viktig presisering" in response.content.decode()


def test_thread_page_shows_journal_status_to_those_who_see_it(
    client, thread, case_worker, colleague, archivist
):
    entry = journal(thread, archivist)
    client.force_login(colleague)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert f"Journalført i sak {entry.case.number}" in page
    assert reverse("archive:entry", args=[entry.pk]) not in page
    client.force_login(archivist)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert reverse("archive:entry", args=[entry.pk]) in page


def test_archive_log_is_written_in_the_site_language_whatever_the_actor_reads(thread, case_worker):
    case_worker.language = "en"
    case_worker.save(update_fields=["language"])
    with translation.override("en"):  # as the request of someone who chose English
        nominate(thread, case_worker)
    event = ArchiveEvent.objects.get(action=ArchiveEvent.Action.NOMINATED)
    assert event.summary == f"Tråd {thread.pk} foreslått for journalføring: Karensdager"
