"""Archive pages, one module per audience. Each view: load → check through ``access``
→ service → render."""

from .case_types import case_type_assign, case_types
from .disposal import (
    audit_log,
    disposal_detail,
    disposal_lists,
    disposal_propose,
    retention_schedule,
    rule_deactivate,
    rules,
)
from .exports import disposal_export
from .public import access_request_new, public_entry, public_journal, public_journal_xml
from .records import (
    case_close,
    case_detail,
    case_list,
    case_reopen,
    case_retention,
    document_download,
    entry_detail,
    hold_lift,
    hold_place,
    journal,
    nominate,
    queue,
    reject,
)
from .requests import access_request_detail, access_requests

__all__ = [
    "access_request_detail",
    "access_request_new",
    "access_requests",
    "audit_log",
    "case_close",
    "case_detail",
    "case_list",
    "case_reopen",
    "case_retention",
    "case_type_assign",
    "case_types",
    "disposal_detail",
    "disposal_export",
    "disposal_lists",
    "disposal_propose",
    "document_download",
    "entry_detail",
    "hold_lift",
    "hold_place",
    "journal",
    "nominate",
    "public_entry",
    "public_journal",
    "public_journal_xml",
    "queue",
    "reject",
    "retention_schedule",
    "rule_deactivate",
    "rules",
]
