"""Review dates: listing for owners and editors, and reminder e-mails before and after."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from handbook.models import HandbookPage, ReviewReminder
from tests.handbook.factories import handbook_page


def set_review(page, days_from_today):
    HandbookPage.objects.filter(pk=page.pk).update(
        next_review_date=timezone.localdate() + datetime.timedelta(days=days_from_today)
    )


def test_overdue_and_soon_due_pages_are_listed_for_owner_and_editor(
    client, page_owner, handbook_editor, case_worker, routines
):
    overdue = handbook_page(
        routines, title="Arkivering", owner=page_owner, publish_by=handbook_editor
    )
    soon = handbook_page(
        routines, title="Klagebehandling", owner=page_owner, publish_by=handbook_editor
    )
    later = handbook_page(routines, title="Innsyn", owner=page_owner, publish_by=handbook_editor)
    set_review(overdue, -10)
    set_review(soon, 20)
    set_review(later, 200)

    for user in (page_owner, handbook_editor):
        client.force_login(user)
        html = client.get(reverse("handbook:review")).content.decode()
        assert "Arkivering" in html and "Forfalt for 10 dager siden" in html
        assert "Klagebehandling" in html and "Om 20 dager" in html
        assert "Innsyn" not in html

    client.force_login(case_worker)
    html = client.get(reverse("handbook:review")).content.decode()
    assert "Arkivering" not in html  # not hers


def test_owners_get_one_email_before_and_one_after_the_review_date(
    page_owner, handbook_editor, routines
):
    page = handbook_page(routines, title="Arkivering", owner=page_owner, publish_by=handbook_editor)
    set_review(page, 14)
    call_command("handbook_review_reminders")
    call_command("handbook_review_reminders")  # runs daily: no second e-mail for the same date
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [page_owner.email]
    assert "innen" in mail.outbox[0].subject and "Arkivering" in mail.outbox[0].body

    set_review(page, -1)
    call_command("handbook_review_reminders")
    assert len(mail.outbox) == 2
    assert "forsinket" in mail.outbox[1].subject
    assert ReviewReminder.objects.filter(page_id=page.pk).count() == 2


def test_publishing_sets_the_next_review_date_from_the_interval(journal_page):
    assert journal_page.effective_date == timezone.localdate()
    assert journal_page.next_review_date.year == journal_page.effective_date.year + 1
