"""Four eyes on the handbook: nobody approves their own change, "Publiser" outside the
workflow is for administrators and is not an approval, and editing follows the page's
owner agency. Tried from the author's and an outsider's seat."""

from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

import access
from handbook import services
from handbook.models import HandbookApprovalTask, HandbookApprovalTaskState, PageVersion
from tests.handbook.factories import draft
from tests.handbook.test_workflow import edit_form, submit


def _submit(client, user, page, summary="Presiserer fristen"):
    client.force_login(user)
    response = submit(
        client,
        page,
        text="Saker journalføres innen tre dager.",
        summary=summary,
        **{"action-submit": "1"},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return HandbookApprovalTaskState.objects.get(
        workflow_state__object_id=str(page.pk), status="in_progress"
    )


def _approve(client, page, state, action="approve"):
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])
    return client.post(url, {"comment": "Ser bra ut"})


def test_the_owner_cannot_approve_a_change_she_wrote_herself(client, page_owner, journal_page):
    state = _submit(client, page_owner, journal_page)
    for action in ("approve", "approve_major"):
        response = _approve(client, journal_page, state, action)
        refused = reverse("handbook:self_approval_refused", args=[journal_page.pk])
        assert response.status_code == 302 and response["Location"] == refused
        page = client.get(refused)
        assert page.status_code == 403
        assert "kan ikke godkjenne den selv" in page.content.decode()
    state.refresh_from_db()
    assert state.status == "in_progress"
    assert PageVersion.objects.filter(page=journal_page).count() == 1


def test_an_editor_who_wrote_part_of_the_draft_cannot_approve_it(
    client, handbook_editor, case_worker, journal_page
):
    # The editor drafts, a case worker submits: the editor is still one of the authors.
    draft(journal_page, by=handbook_editor, summary="Redaktørens utkast")
    state = _submit(client, case_worker, journal_page)
    assert access.self_approval_refusal(handbook_editor, journal_page)
    client.force_login(handbook_editor)
    response = _approve(client, journal_page, state)
    assert response["Location"] == reverse("handbook:self_approval_refused", args=[journal_page.pk])
    assert PageVersion.objects.filter(page=journal_page).count() == 1


def test_a_second_person_approves_and_is_recorded_as_approver(
    client, case_worker, page_owner, journal_page
):
    state = _submit(client, case_worker, journal_page)
    client.force_login(page_owner)
    _approve(client, journal_page, state)
    version = PageVersion.objects.get(page=journal_page, major=1, minor=1)
    assert version.approver == page_owner and version.author == case_worker
    assert version.published_directly_by is None


def test_own_submissions_are_not_in_the_reviewers_queue(client, page_owner, journal_page):
    _submit(client, page_owner, journal_page)
    task = HandbookApprovalTask.objects.get()
    assert not task.get_task_states_user_can_moderate(page_owner).exists()


def test_a_handbook_editor_can_no_longer_publish_outside_the_workflow(
    client, handbook_editor, journal_page
):
    assert not access.can_publish_handbook_page(handbook_editor, journal_page)
    client.force_login(handbook_editor)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[journal_page.pk]))
    assert 'name="action-publish"' not in editor.content.decode()
    # The button is gone; a hand-made POST is refused with a message and saves nothing.
    response = submit(
        client, journal_page, text="Direkte", summary="Direkte", **{"action-publish": "1"}
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Bare administratorer publiserer utenom godkjenningen" in page
    assert PageVersion.objects.filter(page=journal_page).count() == 1
    assert journal_page.revisions.count() == 1


def test_an_administrators_direct_publish_is_recorded_as_such_not_as_an_approval(
    client, administrator, journal_page
):
    administrator.is_superuser = True  # Wagtail's admin, as the demo administrator is
    administrator.is_staff = True
    administrator.save()
    client.force_login(administrator)
    response = submit(
        client,
        journal_page,
        text="Rettet skrivefeil",
        summary="Skrivefeil",
        **{"action-publish": "1"},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    version = PageVersion.objects.get(page=journal_page, major=1, minor=1)
    assert version.approver is None
    assert version.published_directly_by == administrator
    assert PageLogEntry.objects.filter(
        page=journal_page, action="handbook.publish_direct", user=administrator
    ).exists()
    client.force_login(administrator)
    page = client.get(reverse("handbook:version", args=[journal_page.pk, 1, 1])).content.decode()
    assert "Ikke godkjent: publisert direkte av administrator" in page


def test_another_agency_may_not_edit_or_submit_but_may_still_read(
    client, outsider, other_agency, case_worker, journal_page
):
    # Even with Wagtail's edit permission for every agency (as the demo grants it) ...
    services.handbook_grant_editing(units=[other_agency])
    assert journal_page.permissions_for_user(outsider).can_edit()
    assert not access.can_edit_handbook_page(outsider, journal_page)
    assert access.can_edit_handbook_page(case_worker, journal_page)
    client.force_login(outsider)
    url = reverse("wagtailadmin_pages:edit", args=[journal_page.pk])
    response = client.get(url, follow=True)
    assert "Siden eies av en annen etat" in response.content.decode()
    assert response.redirect_chain and response.redirect_chain[0][1] == 302
    response = client.post(
        url,
        edit_form(journal_page, text="Skatteetatens tekst", summary="Forslag"),
        **{},
    )
    assert response.status_code == 302
    assert not WorkflowState.objects.filter(object_id=str(journal_page.pk)).exists()
    assert journal_page.revisions.count() == 1
    add = reverse(
        "wagtailadmin_pages:add", args=["handbook", "handbookpage", journal_page.get_parent().pk]
    )
    assert "Siden eies av en annen etat" in client.get(add, follow=True).content.decode()
    assert client.get(journal_page.url).status_code == 200


def test_restoring_an_old_version_makes_a_draft_that_someone_else_approves(
    client, handbook_editor, page_owner, journal_page
):
    from tests.handbook.factories import publish_new_version, text

    publish_new_version(journal_page, by=page_owner, body=text("Ny regel: tre dager."))
    assert journal_page.version_label == "1.1"
    client.force_login(handbook_editor)
    url = reverse("handbook:version_restore", args=[journal_page.pk, 1, 0])
    page = client.get(reverse("handbook:version", args=[journal_page.pk, 1, 0])).content.decode()
    assert "Gjenopprett denne versjonen" in page
    client.post(url, {"summary": ""})
    assert not WorkflowState.objects.filter(object_id=str(journal_page.pk)).exists()
    response = client.post(url, {"summary": "Tilbake til samme-dag-regelen"})
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(journal_page.pk), status="in_progress")
    assert state.requested_by == handbook_editor
    journal_page.refresh_from_db()
    draft_page = journal_page.get_latest_revision_as_object()
    assert "samme dag" in str(draft_page.body.raw_data)
    assert draft_page.change_summary == "Tilbake til samme-dag-regelen"
    assert journal_page.__class__.objects.get(pk=journal_page.pk).version_label == "1.1"
    # The restorer cannot approve it; the owner can.
    task_state = HandbookApprovalTaskState.objects.get(workflow_state=state)
    response = _approve(client, journal_page, task_state)
    assert "egen-godkjenning" in response["Location"]
    client.force_login(page_owner)
    _approve(client, journal_page, task_state)
    version = PageVersion.objects.get(page=journal_page, major=1, minor=2)
    assert version.summary == "Tilbake til samme-dag-regelen"
    assert version.approver == page_owner and version.author == handbook_editor
    assert PageLogEntry.objects.filter(page=journal_page, action="handbook.restore").exists()


def test_a_seeded_version_names_nobody_as_its_approver(client, handbook_editor, journal_page):
    # ``page_publish`` is the seeding path (demo data, tests, first set-up): the caller
    # put the version in place, but no approval record may say they approved it.
    draft(journal_page, by=handbook_editor, summary="Egen endring")
    version = services.page_publish(page=journal_page, by=handbook_editor)
    assert version.seeded and version.approver is None and version.author == handbook_editor
    assert version.published_directly_by is None
    journal_page.refresh_from_db()
    assert journal_page.approver is None
    entry = PageLogEntry.objects.get(
        page=journal_page, action="handbook.seeded", revision=version.revision
    )
    assert entry.user == handbook_editor and entry.data["seeded"] is True
    assert not PageLogEntry.objects.filter(
        page=journal_page, action="handbook.version", revision=version.revision
    ).exists()
    client.force_login(handbook_editor)
    page = client.get(reverse("handbook:version", args=[journal_page.pk, 1, 1])).content.decode()
    assert "Ikke godkjent: lagt inn ved oppsett" in page


def test_approving_from_the_editors_footer_is_refused_with_the_reason_too(
    client, page_owner, handbook_editor, journal_page
):
    # The footer's "Godkjenn" posts the edit form itself; Wagtail's edit view ignores what
    # the task's on_action returns, so the handbook's hook must send the author on.
    state = _submit(client, page_owner, journal_page)
    refused = reverse("handbook:self_approval_refused", args=[journal_page.pk])
    for text in ("Saker journalføres innen tre dager.", "Hun endrer teksten samtidig."):
        response = submit(
            client,
            journal_page,
            text=text,
            summary="Presiserer fristen",
            **{
                "action-workflow-action": "1",
                "workflow-action-name": "approve",
                "workflow-action-extra-data": '{"comment": "OK"}',
            },
        )
        assert response.status_code == 302 and response["Location"] == refused
    state.refresh_from_db()
    assert state.status == "in_progress"
    assert PageVersion.objects.filter(page=journal_page).count() == 1
    # An approver who changes the text while approving becomes one of its authors when
    # Wagtail saves that revision: the after-edit hook refuses her with the reason too.
    journal_page.refresh_from_db()
    client.force_login(handbook_editor)
    response = submit(
        client,
        journal_page,
        text="Redaktøren retter også en setning.",
        summary="Presiserer fristen",
        **{
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": '{"comment": "OK"}',
        },
    )
    assert response.status_code == 302 and response["Location"] == refused
    state.refresh_from_db()
    assert state.status == "in_progress"
    assert PageVersion.objects.filter(page=journal_page).count() == 1
    assert "Redaktøren retter" in str(
        type(journal_page).objects.get(pk=journal_page.pk).get_latest_revision_as_object().body
    )
