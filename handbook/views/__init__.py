"""Handbook pages, one module per audience: readers, changes from outside the editor, hearings.

Each view: load → check (access) → service → render. ``page_context`` and
``index_context`` feed the Wagtail page templates (start-up wires them in).
"""

from .editor import proposal_decline, proposal_new, self_approval_refused, version_restore
from .hearing import hearing_detail, hearing_new, hearing_respond
from .reader import (
    changelog,
    confirm_reading,
    confirmations,
    index_context,
    page_changelog,
    page_context,
    review_listing,
    table_of_contents,
    version_detail,
    version_diff,
)

__all__ = [
    "changelog",
    "confirm_reading",
    "confirmations",
    "hearing_detail",
    "hearing_new",
    "hearing_respond",
    "index_context",
    "page_changelog",
    "page_context",
    "proposal_decline",
    "proposal_new",
    "review_listing",
    "self_approval_refused",
    "table_of_contents",
    "version_detail",
    "version_diff",
    "version_restore",
]
