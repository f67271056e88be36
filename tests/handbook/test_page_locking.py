"""Locking a handbook page: only for those who may read and edit it; the owner can unlock."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from tests.handbook.factories import chapter, handbook_page, restrict
from tests.people.factories import UserFactory


@pytest.fixture
def page(handbook, handbook_editor, agency):
    owner = UserFactory(username="eier", full_name="Eli Eier", unit=agency)
    return handbook_page(
        chapter(handbook, publish_by=handbook_editor), owner=owner, publish_by=handbook_editor
    )


def _lock(client, page):
    return client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))


def _unlock(client, page):
    return client.post(reverse("wagtailadmin_pages:unlock", args=[page.pk]))


def test_an_employee_cannot_lock_a_page_they_may_not_read(
    client, handbook, handbook_editor, hr_group, case_worker
):
    private = chapter(handbook, title="Personalsaker", publish_by=handbook_editor)
    restrict(private, groups=[hr_group])
    client.force_login(case_worker)
    assert _lock(client, private).status_code in (302, 403)  # Wagtail: back to the dashboard
    private.refresh_from_db()
    assert not private.locked
    assert not PageLogEntry.objects.filter(page=private, action="wagtail.lock").exists()


def test_someone_who_may_not_edit_cannot_lock(client, page, nameless):
    client.force_login(nameless)  # no real name: may read, not write
    assert _lock(client, page).status_code in (302, 403)
    page.refresh_from_db()
    assert not page.locked


def test_the_page_owner_unlocks_a_colleagues_lock_and_both_are_logged(client, page, case_worker):
    client.force_login(case_worker)
    assert _lock(client, page).status_code == 302
    page.refresh_from_db()
    assert page.locked and page.locked_by == case_worker

    client.force_login(page.document_owner)
    assert _unlock(client, page).status_code == 302
    page.refresh_from_db()
    assert not page.locked
    actions = list(
        PageLogEntry.objects.filter(page=page, action__in=["wagtail.lock", "wagtail.unlock"])
        .order_by("timestamp", "pk")
        .values_list("action", "user")
    )
    assert actions == [
        ("wagtail.lock", case_worker.pk),
        ("wagtail.unlock", page.document_owner.pk),
    ]


def test_another_employee_cannot_lift_a_colleagues_lock(client, page, case_worker, colleague):
    client.force_login(case_worker)
    _lock(client, page)
    client.force_login(colleague)
    assert _unlock(client, page).status_code in (302, 403)
    page.refresh_from_db()
    assert page.locked_by == case_worker
