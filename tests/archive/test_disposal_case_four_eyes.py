"""Four eyes on disposing of cases: whoever set the retention that made a case due
does not approve its disposal alone (issue 19).

The line that counts is the one that applies when the list runs: the case's own
override if it has one, else its archive class's line.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from archive import services
from archive.models import ArchivalDocument, ArchiveClass, ArchiveEvent, Case, DisposalList
from tests.archive.factories import journal
from tests.forum.factories import ThreadFactory

SCHEDULE = "Bevarings- og kassasjonsplan pkt. 4"


def _closed_case(klass, thread, by, years_ago=3):
    case = journal(thread, by).case
    Case.objects.filter(pk=case.pk).update(archive_class=klass)
    services.case_close(case=case, by=by)
    Case.objects.filter(pk=case.pk).update(
        closed_at=timezone.now() - timedelta(days=365 * years_ago)
    )
    case.refresh_from_db()
    return case


def _class(code, by, decision="dispose", years=2):
    klass = ArchiveClass.objects.create(code=code, title="Enkelthenvendelser")
    return services.archive_class_retention_set(
        archive_class=klass, by=by, decision=decision, years=years, basis=SCHEDULE
    )


def _undisposed(case) -> bool:
    return ArchivalDocument.objects.filter(entry__case=case, disposed_at__isnull=True).exists()


def test_whoever_set_the_class_line_cannot_approve_the_cases_it_made_due(
    topic, case_worker, archivist, second_archivist, client
):
    klass = _class("F09", archivist)
    case = _closed_case(klass, ThreadFactory(topic=topic, author=case_worker), second_archivist)
    disposal_list = services.disposal_propose()  # the periodic task: nobody proposed it
    assert [i.case_id for i in disposal_list.items.all()] == [case.pk]

    with pytest.raises(services.ArchiveError, match="satte bevaringstiden"):
        services.disposal_approve(disposal_list=disposal_list, by=archivist)
    client.force_login(archivist)
    url = reverse("archive:disposal", args=[disposal_list.pk])
    assert "satte bevaringstiden" in client.get(url).content.decode()  # warned before trying
    response = client.post(url, {"action": "approve"})
    assert response.status_code == 400
    assert "En annen arkivar må godkjenne den." in response.content.decode()
    disposal_list.refresh_from_db()
    assert disposal_list.status == DisposalList.Status.PROPOSED and _undisposed(case)

    services.disposal_approve(disposal_list=disposal_list, by=second_archivist)
    assert not _undisposed(case)


def test_the_case_override_counts_not_the_class_line_it_replaces(
    topic, case_worker, archivist, second_archivist
):
    klass = _class("F09", second_archivist, decision="keep", years=None)
    case = _closed_case(klass, ThreadFactory(topic=topic, author=case_worker), second_archivist)
    # Arne gives this one case a short life of its own: that is what makes it due.
    services.case_retention_set(
        case=case, by=archivist, decision="dispose", years=1, basis=SCHEDULE
    )
    disposal_list = services.disposal_propose()
    assert [i.case_id for i in disposal_list.items.all()] == [case.pk]
    with pytest.raises(services.ArchiveError, match="satte bevaringstiden"):
        services.disposal_approve(disposal_list=disposal_list, by=archivist)
    # Berit set only the class's «Bevares», which no longer applies: she may approve.
    services.disposal_approve(disposal_list=disposal_list, by=second_archivist)
    assert not _undisposed(case)


def test_setting_the_override_after_the_proposal_still_bars_the_approver(
    topic, case_worker, archivist, second_archivist, settings
):
    # An insider's try: the list was made from Berit's class line; Arne copies the same
    # line onto the case after the proposal, hoping the check looks at the list only.
    klass = _class("F09", second_archivist)
    case = _closed_case(klass, ThreadFactory(topic=topic, author=case_worker), archivist)
    disposal_list = services.disposal_propose()
    services.case_retention_set(
        case=case, by=archivist, decision="dispose", years=2, basis=SCHEDULE
    )
    with pytest.raises(services.ArchiveError, match="satte bevaringstiden"):
        services.disposal_approve(disposal_list=disposal_list, by=archivist)
    assert _undisposed(case)
    # A one-officer agency may, and the log says it was one officer alone.
    settings.ARCHIVE_SINGLE_RECORDS_OFFICER = True
    services.disposal_approve(disposal_list=disposal_list, by=archivist)
    event = ArchiveEvent.objects.get(action=ArchiveEvent.Action.DISPOSAL_APPROVED)
    assert event.details["single_officer"] is True and "satte bevaringstiden" in event.summary


def test_going_back_to_the_class_line_hands_the_four_eyes_to_its_setter(
    topic, case_worker, archivist, second_archivist
):
    klass = _class("F09", second_archivist)
    case = _closed_case(klass, ThreadFactory(topic=topic, author=case_worker), archivist)
    services.case_retention_set(
        case=case, by=archivist, decision="dispose", years=1, basis=SCHEDULE
    )
    services.case_retention_set(case=case, by=archivist, decision="")
    case.refresh_from_db()
    assert case.retention_set_by is None and case.retention.set_by_id == second_archivist.pk
    disposal_list = services.disposal_propose()
    with pytest.raises(services.ArchiveError, match="satte bevaringstiden"):
        services.disposal_approve(disposal_list=disposal_list, by=second_archivist)
    services.disposal_approve(disposal_list=disposal_list, by=archivist)
    assert not _undisposed(case)
