from archive.models import (
    AccessRequest,
    Case,
    DisposalList,
    JournalEntry,
    Nomination,
    RetentionRule,
)
from demo import archive as demo_archive
from tests.people.factories import UserFactory


def test_demo_seed_journals_two_cases_nominates_and_proposes_disposal(
    case_worker, moderator, archivist, open_room, topic
):
    demo_archive.seed()
    demo_archive.seed()  # idempotent
    assert Case.objects.count() == 2
    assert JournalEntry.objects.count() == 3
    assert JournalEntry.objects.screened().count() == 1
    assert Nomination.objects.filter(status=Nomination.Status.PENDING).count() == 1
    assert RetentionRule.objects.count() == 1
    proposed = DisposalList.objects.get(status=DisposalList.Status.PROPOSED)
    # Three old threads, one on legal hold: two proposed.
    assert proposed.items.count() == 2
    # The retention schedule: practice is kept, the individual enquiry disposed of later.
    practice = Case.objects.get(title=demo_archive.CASE_PRACTICE)
    enquiry = Case.objects.get(title=demo_archive.CASE_SCREENED)
    assert practice.retention.noark_decision == "Bevares"
    assert enquiry.retention.noark_decision == "Kasseres" and enquiry.retention.inherited
    # Its case type (DP-HENV) has a line of its own: five years, not the class's ten.
    assert enquiry.retention.years == 5 and enquiry.retention.due
    assert enquiry.retention.source == "casetype" and enquiry.case_type.code == "DP-HENV"
    assert practice.case_type.code == "VEIL" and practice.retention.source == "archiveclass"
    assert Case.objects.filter(status=Case.Status.CLOSED).count() == 2
    assert AccessRequest.objects.waiting().count() == 1


def test_demo_disposal_list_is_approved_by_the_second_records_officer(
    case_worker, moderator, archivist, second_archivist, open_room, topic
):
    from archive import services

    demo_archive.seed()
    proposed = DisposalList.objects.get(status=DisposalList.Status.PROPOSED)
    # Arne made the rule, so Arne cannot approve; Berit can.
    assert services.disposal_conflict(proposed, archivist)
    assert not services.disposal_conflict(proposed, second_archivist)
    services.disposal_approve(disposal_list=proposed, by=second_archivist)


def test_demo_seed_skips_without_demo_people(db):
    UserFactory(username="someone")
    demo_archive.seed()
    assert not Case.objects.exists()
