"""Archive rules as service functions, one module per subdomain; import them from here.

``nomination_propose`` is the one entry point the forum may call (it never
imports archive models): "this thread got a verified answer / clarification /
escalation, propose it if a rule says so".
"""

from .access_requests import (
    access_request_counts,
    access_request_create,
    access_request_decide,
    public_holidays,
    working_days_after,
)
from .audit import event_log
from .case_types import case_type_assign, case_type_save
from .cases import case_close, case_reopen, open_cases, open_cases_matching
from .disposal import disposal_approve, disposal_conflict, disposal_propose, disposal_reject
from .documents import DocumentIntegrityError, document_open
from .errors import ArchiveError
from .exports import disposal_list_csv, disposal_list_rows, disposal_list_xlsx
from .journaling import EntryDetails, NewCase, fonds_get, thread_journal
from .nomination import (
    nomination_create,
    nomination_propose,
    nomination_reject,
    nomination_rule_create,
    nominations_pending_for,
    nominations_propose_from_rules,
    thread_has_pending_nomination,
)
from .public_journal import JournalFilter, public_journal_search
from .retention import (
    active_hold,
    archive_class_retention_set,
    case_retention_set,
    cases_due_for_disposal,
    legal_hold_lift,
    legal_hold_place,
    retention_rule_create,
    threads_disposable,
)
from .rules import rule_deactivate

__all__ = [
    "ArchiveError",
    "DocumentIntegrityError",
    "EntryDetails",
    "JournalFilter",
    "NewCase",
    "access_request_counts",
    "access_request_create",
    "access_request_decide",
    "active_hold",
    "archive_class_retention_set",
    "case_close",
    "case_type_assign",
    "case_type_save",
    "case_reopen",
    "case_retention_set",
    "cases_due_for_disposal",
    "disposal_approve",
    "disposal_conflict",
    "disposal_list_csv",
    "disposal_list_rows",
    "disposal_list_xlsx",
    "disposal_propose",
    "disposal_reject",
    "document_open",
    "event_log",
    "fonds_get",
    "legal_hold_lift",
    "legal_hold_place",
    "nomination_create",
    "nomination_propose",
    "nomination_reject",
    "nomination_rule_create",
    "nominations_pending_for",
    "nominations_propose_from_rules",
    "open_cases",
    "open_cases_matching",
    "public_holidays",
    "public_journal_search",
    "retention_rule_create",
    "rule_deactivate",
    "thread_has_pending_nomination",
    "thread_journal",
    "threads_disposable",
    "working_days_after",
]
