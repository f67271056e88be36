"""Restoring an old version: it becomes a new draft and goes through the workflow.

Nothing is published here. The draft carries the old version's content with a
fresh change summary ("why go back"), is submitted for approval by whoever
restores it, and four eyes apply as to any change: someone else approves it.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

import access

from ..models import PageVersion
from .publishing import ProposalError


@transaction.atomic
def version_restore(*, page, version: PageVersion, by, summary: str):
    """Make a draft of ``page`` from ``version`` and submit it; returns the workflow state."""
    if not access.can_edit_handbook_page(by, page):
        raise access.AccessDenied(_("Du kan ikke endre denne siden."))
    summary = (summary or "").strip()
    if not summary:
        raise ProposalError(
            _("Skriv kort hvorfor versjon %(v)s gjenopprettes.") % {"v": version.label}
        )
    if page.workflow_in_progress:
        raise ProposalError(
            _("Siden har allerede en endring til godkjenning. Vent til den er behandlet.")
        )
    workflow = page.get_workflow()
    if workflow is None:  # pragma: no cover - handbook_setup always assigns one
        raise ProposalError(_("Siden har ingen godkjenningsflyt."))
    restored = version.revision.as_object()
    latest = page.get_latest_revision_as_object()
    # The old content, on today's page: its place in the tree and ownership stay current.
    restored.pk, restored.path, restored.depth = latest.pk, latest.path, latest.depth
    restored.document_owner_id, restored.owner_unit_id = (
        latest.document_owner_id,
        latest.owner_unit_id,
    )
    restored.change_summary = summary
    revision = restored.save_revision(user=by, log_action=True)
    state = workflow.start(page, by)
    log(
        instance=page,
        action="handbook.restore",
        user=by,
        revision=revision,
        data={"version": version.label, "summary": summary},
    )
    return state
