"""Wiki-style editing under control: everyone submits, the owner or an editor approves."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import access
from handbook.models import HandbookApprovalTaskState, HandbookPage, PageVersion


def edit_form(page, *, text, summary, **extra):
    latest = page.get_latest_revision()
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "change_summary": summary,
            "body": streamfield([("text", rich_text(f"<p>{text}</p>"))]),
            "comments": inline_formset([]),
            "document_owner": page.document_owner_id or "",
            "owner_unit": page.owner_unit_id or "",
            "review_interval_months": 12,
            "document_status": "current",
            "loaded_revision_id": latest.pk,
            "loaded_revision_created_at": latest.created_at.isoformat(),
        }
    )
    data.update(extra)
    return data


def submit(client, page, **kwargs):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, edit_form(page, **kwargs))


def test_case_worker_can_submit_but_not_publish(client, case_worker, journal_page):
    perms = journal_page.permissions_for_user(case_worker)
    assert perms.can_edit() and not perms.can_publish()
    assert access.can_edit_handbook_page(case_worker, journal_page)
    assert not access.can_approve_handbook_page(case_worker, journal_page)
    client.force_login(case_worker)

    response = submit(
        client,
        journal_page,
        text="Ny tekst",
        summary="Presiserer fristen",
        **{"action-publish": "1"},
    )
    journal_page.refresh_from_db()
    assert journal_page.version_label == "1.0"  # "publish" fell back to saving a draft
    assert PageVersion.objects.filter(page=journal_page).count() == 1

    response = submit(
        client,
        journal_page,
        text="Ny tekst",
        summary="Presiserer fristen",
        **{"action-submit": "1"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    state = WorkflowState.objects.get(object_id=str(journal_page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == case_worker
    assert PageVersion.objects.filter(page=journal_page).count() == 1


def test_submit_without_change_summary_is_refused_and_keeps_the_text(
    client, case_worker, journal_page
):
    client.force_login(case_worker)
    response = submit(
        client, journal_page, text="Min nye tekst", summary="", **{"action-submit": "1"}
    )
    assert response.status_code == 200
    assert "Skriv kort hva som er endret" in response.content.decode()
    assert "Min nye tekst" in response.content.decode()
    assert not WorkflowState.objects.filter(object_id=str(journal_page.pk)).exists()


def test_stale_edit_gets_a_conflict_message_instead_of_overwriting(
    client, case_worker, colleague, journal_page
):
    stale = edit_form(journal_page, text="Karis tekst", summary="Karis endring")
    journal_page.get_latest_revision_as_object().save_revision(user=colleague)
    revisions_before = journal_page.revisions.count()
    client.force_login(case_worker)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[journal_page.pk]), stale)
    assert response.status_code == 200
    assert "Noen andre har lagret en nyere versjon" in response.content.decode()
    assert journal_page.revisions.count() == revisions_before


def _submitted_by(client, user, page, summary="Presiserer fristen"):
    client.force_login(user)
    submit(
        client,
        page,
        text="Saker journalføres innen tre dager.",
        summary=summary,
        **{"action-submit": "1"},
    )
    client.logout()
    return HandbookApprovalTaskState.objects.get(
        workflow_state__object_id=str(page.pk), status="in_progress"
    )


def test_owner_approves_and_publish_numbers_the_version_and_logs_it(
    client, case_worker, page_owner, journal_page
):
    state = _submitted_by(client, case_worker, journal_page)
    assert state.task.specific.get_actions(journal_page, case_worker) == []
    client.force_login(page_owner)
    url = reverse("wagtailadmin_pages:workflow_action", args=[journal_page.pk, "approve", state.pk])
    response = client.post(url, {"comment": "Godt forslag"})
    assert response.status_code in (200, 302)

    page = HandbookPage.objects.get(pk=journal_page.pk)
    assert page.version_label == "1.1"
    assert page.approver == page_owner
    assert "tre dager" in page.body.raw_data[0]["value"]
    entry = PageVersion.objects.get(page=page, major=1, minor=1)
    assert entry.summary == "Presiserer fristen"
    assert entry.author == case_worker
    assert entry.approver == page_owner
    assert entry.approval_comment == "Godt forslag"
    assert not entry.is_major
    assert page.next_review_date is not None

    client.force_login(case_worker)
    response = client.get(reverse("handbook:changelog"))
    assert "Presiserer fristen" in response.content.decode()


def test_approver_can_make_it_a_major_version(client, case_worker, handbook_editor, journal_page):
    state = _submitted_by(client, case_worker, journal_page, summary="Ny rutine")
    client.force_login(handbook_editor)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[journal_page.pk, "approve_major", state.pk]
    )
    client.post(url, {"comment": ""})
    page = HandbookPage.objects.get(pk=journal_page.pk)
    assert page.version_label == "2.0"
    assert PageVersion.objects.get(page=page, major=2, minor=0).is_major


def test_rejection_needs_a_comment_and_publishes_nothing(
    client, case_worker, page_owner, journal_page
):
    state = _submitted_by(client, case_worker, journal_page)
    client.force_login(page_owner)
    url = reverse("wagtailadmin_pages:workflow_action", args=[journal_page.pk, "reject", state.pk])
    client.post(url, {"comment": ""})
    state.refresh_from_db()
    assert state.status == "in_progress"
    client.post(url, {"comment": "Fristen står i forskriften, ikke her."})
    state.refresh_from_db()
    assert state.status == "rejected"
    assert state.comment == "Fristen står i forskriften, ikke her."
    assert HandbookPage.objects.get(pk=journal_page.pk).version_label == "1.0"


@pytest.mark.parametrize("who", ["case_worker", "outsider"])
def test_only_owner_and_editors_may_approve(request, journal_page, who):
    user = request.getfixturevalue(who)
    assert not access.can_approve_handbook_page(user, journal_page)


def test_case_worker_opens_the_editor_with_change_summary_and_document_control(
    client, case_worker, journal_page
):
    client.force_login(case_worker)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[journal_page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hva er endret" in html and "Dokumentstyring" in html
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_anonymous_visitor_is_sent_to_login(client, journal_page):
    response = client.get(journal_page.url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
