from archive.models import Case, DisposalList, JournalEntry, Nomination, RetentionRule
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


def test_demo_seed_skips_without_demo_people(db):
    UserFactory(username="someone")
    demo_archive.seed()
    assert not Case.objects.exists()
