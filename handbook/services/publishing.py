"""Publishing a controlled page: version number, approver, dates and the change log.

Wagtail publishes from several places (the edit view, the end of a workflow,
scheduled publishing, our own ``page_publish``). All of them send
``page_published``; ``handbook.apps`` connects that one signal to
``version_record_publish`` so every publish is numbered the same way.
"""

from contextvars import ContextVar

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry, TaskState

import access
from search.tasks import index_later

from ..models import (
    ChangeProposal,
    ControlledPage,
    DocumentStatus,
    HandbookApprovalTaskState,
    Hearing,
    PageVersion,
)
from ..models.pages import add_months


class ProposalError(Exception):
    """A rule of the handbook stops the action; the message is for the person."""


# Set by ``page_publish`` for the publish it starts: who approves and whether it is major.
_direct_publish: ContextVar[dict | None] = ContextVar("handbook_direct_publish", default=None)


def page_publish(
    *, page: ControlledPage, by, major: bool = False, comment: str = ""
) -> PageVersion:
    """Seed a version: publish the page's latest revision without the workflow.

    This is the path of demo data, tests and a site's first set-up, never of an
    editor's change (that goes through the workflow, with four eyes). The version
    is marked ``seeded``, has no approver and is logged as ``handbook.seeded`` with
    ``by`` as who put it in place, so no approval record claims that ``by``
    approved a change, least of all their own.
    """
    if not (
        access.can_publish_handbook_page(by, page) or access.can_approve_handbook_page(by, page)
    ):
        raise access.AccessDenied(gettext("Du kan ikke publisere denne siden."))
    revision = page.get_latest_revision()
    token = _direct_publish.set({"by": by, "major": major, "comment": comment})
    try:
        revision.publish(user=by, skip_permission_checks=True)
    finally:
        _direct_publish.reset(token)
    return PageVersion.objects.filter(page_id=page.pk).order_by("-major", "-minor").first()


def _approval_for(page, revision):
    """The workflow approval that led to this publish, if it came from a workflow."""
    return (
        HandbookApprovalTaskState.objects.filter(
            workflow_state__base_content_type_id=page.get_base_content_type().pk,
            workflow_state__object_id=str(page.pk),
            status=TaskState.STATUS_APPROVED,
            finished_at__gte=revision.created_at,
        )
        .select_related("finished_by", "workflow_state__requested_by")
        .order_by("-finished_at", "-id")
        .first()
    )


@transaction.atomic
def version_record_publish(*, page, revision) -> PageVersion | None:
    """Number the version just published and write its change-log entry."""
    if not isinstance(page, ControlledPage):
        return None
    last = (
        PageVersion.objects.select_for_update()
        .filter(page_id=page.pk)
        .order_by("-major", "-minor")
        .first()
    )
    direct = _direct_publish.get()
    approval = None if direct else _approval_for(page, revision)
    direct_by = seeded_by = None
    if direct:
        approver, major_bump, comment, author = (
            None,
            direct["major"],
            direct["comment"],
            revision.user,
        )
        seeded_by = direct["by"]
    elif approval:
        approver, major_bump, comment = approval.finished_by, approval.major, approval.comment
        author = approval.workflow_state.requested_by or revision.user
    else:
        # "Publiser" in the Wagtail editor (administrators only): nobody approved it, and
        # the change log says who published it outside the workflow.
        approver, major_bump, comment, author = None, False, "", revision.user
        direct_by = _publisher_of(page, revision)

    if last is None:
        major, minor = 1, 0
    elif major_bump:
        major, minor = last.major + 1, 0
    else:
        major, minor = last.major, last.minor + 1

    today = timezone.localdate()
    effective = page.effective_date
    if not effective or (last and effective <= last.effective_date):
        effective = today
    next_review = add_months(effective, page.review_interval_months or 12)
    status = (
        DocumentStatus.WITHDRAWN
        if page.document_status == DocumentStatus.WITHDRAWN
        else DocumentStatus.CURRENT
    )
    fields = {
        "version_major": major,
        "version_minor": minor,
        "approver": approver,
        "effective_date": effective,
        "next_review_date": next_review,
        "document_status": status,
    }
    type(page).objects.filter(pk=page.pk).update(**fields)
    for name, value in fields.items():
        setattr(page, name, value)

    version = PageVersion.objects.create(
        page_id=page.pk,
        revision=revision,
        major=major,
        minor=minor,
        is_major=major_bump or last is None,
        title=page.title,
        summary=page.change_summary,
        author=author,
        approver=approver,
        approval_comment=comment,
        published_directly_by=direct_by,
        seeded=seeded_by is not None,
        published_at=timezone.now(),
        effective_date=effective,
    )
    ChangeProposal.objects.filter(
        page_id=page.pk, status=ChangeProposal.Status.PENDING, revision_id__lte=revision.pk
    ).update(status=ChangeProposal.Status.ADOPTED, decided_by=approver, decided_at=timezone.now())
    Hearing.objects.filter(
        page_id=page.pk, version__isnull=True, revision_id__lte=revision.pk
    ).update(version=version)
    # Search follows what is published, after the commit. A chapter's title is the
    # section of its pages, so they are re-indexed with it.
    page_search_refresh(page=page)
    action = "handbook.version"
    if direct_by:
        action = "handbook.publish_direct"
    elif seeded_by:
        action = "handbook.seeded"
    log(
        instance=page,
        action=action,
        user=approver or direct_by or seeded_by,
        revision=revision,
        data={
            "version": version.label,
            "major": version.is_major,
            "summary": version.summary,
            "seeded": version.seeded,
        },
    )
    return version


def _publisher_of(page, revision):
    """Who pressed "Publiser": Wagtail logs the publish before it sends the signal."""
    entry = (
        PageLogEntry.objects.filter(page_id=page.pk, revision=revision, action="wagtail.publish")
        .select_related("user")
        .order_by("-timestamp", "-id")
        .first()
    )
    return entry.user if entry is not None else revision.user


def page_search_refresh(*, page) -> None:
    """Re-index a handbook page and the pages below it once the transaction commits.

    Called on every publish (``version_record_publish``), unpublish and delete (the
    ``page_unpublished`` connection in ``handbook.apps``) and move (``wagtail_hooks``).
    The provider decides from the committed state: an unpublished or deleted page
    yields nothing and leaves the index.
    """
    below = Page.objects.descendant_of(page).values_list("pk", flat=True)
    index_later("handbook.page", page.pk, *below)
