"""Rules of the quality handbook. Views, the Wagtail glue, the demo and tasks call these."""

from .collaboration import (
    hearing_comment_add,
    hearing_comment_respond,
    hearing_open,
    proposal_create,
    proposal_decline,
)
from .publishing import ProposalError, page_publish, page_search_refresh, version_record_publish
from .reading import (
    confirmation_latest,
    reading_confirm,
    reading_reminders_send,
    reading_report,
    reading_report_csv,
    reading_report_xlsx,
    reading_required_for,
    reading_status,
    readings_unconfirmed_for,
)
from .restore import version_restore
from .review import pages_due_for_review, review_reminders_send
from .setup import handbook_grant_editing, handbook_root, handbook_setup

__all__ = [
    "ProposalError",
    "confirmation_latest",
    "handbook_grant_editing",
    "handbook_root",
    "handbook_setup",
    "hearing_comment_add",
    "hearing_comment_respond",
    "hearing_open",
    "page_publish",
    "page_search_refresh",
    "pages_due_for_review",
    "proposal_create",
    "proposal_decline",
    "reading_confirm",
    "reading_reminders_send",
    "reading_report",
    "reading_report_csv",
    "reading_report_xlsx",
    "reading_required_for",
    "reading_status",
    "readings_unconfirmed_for",
    "review_reminders_send",
    "version_record_publish",
    "version_restore",
]
