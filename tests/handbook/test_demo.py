from django.utils import timezone

import demo.handbook
from handbook.models import ChangeProposal, ChapterPage, HandbookPage, Hearing, PageVersion


def test_demo_handbook_seeds_once_with_versions_proposal_hearing_and_overdue_page(
    client, case_worker, moderator, handbook_editor, archivist, administrator, topic
):
    demo.handbook.seed()
    demo.handbook.seed()  # idempotent

    assert ChapterPage.objects.count() == 3
    assert HandbookPage.objects.live().count() == 12
    for page in HandbookPage.objects.all():
        assert PageVersion.objects.filter(page_id=page.pk).count() >= 2
    assert PageVersion.objects.filter(
        approver=moderator, author=case_worker
    ).exists()  # via workflow
    assert ChangeProposal.objects.filter(status="pending").count() == 1
    assert Hearing.objects.get().comments.count() == 1
    assert HandbookPage.objects.filter(next_review_date__lt=timezone.localdate()).count() == 1

    client.force_login(case_worker)
    for page in HandbookPage.objects.all():
        assert client.get(page.url).status_code == 200
    assert client.get("/handbook/").status_code == 200
