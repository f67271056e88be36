"""Archive rules as service functions, one module per subdomain; import them from here.

``nomination_propose`` is the one entry point the forum may call (it never
imports archive models): "this thread got a verified answer / clarification /
escalation, propose it if a rule says so".
"""

from .audit import event_log
from .errors import ArchiveError
from .journaling import (
    EntryDetails,
    NewCase,
    case_close,
    document_open,
    fonds_get,
    open_cases,
    thread_journal,
)
from .nomination import (
    nomination_create,
    nomination_propose,
    nomination_reject,
    nomination_rule_create,
    nomination_rule_deactivate,
    nominations_pending_for,
    nominations_propose_from_rules,
    thread_has_pending_nomination,
)
from .retention import (
    active_hold,
    disposal_approve,
    disposal_propose,
    disposal_reject,
    legal_hold_lift,
    legal_hold_place,
    retention_rule_create,
    retention_rule_deactivate,
    threads_disposable,
)

__all__ = [
    "ArchiveError",
    "EntryDetails",
    "NewCase",
    "active_hold",
    "case_close",
    "disposal_approve",
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
    "nomination_rule_deactivate",
    "nominations_pending_for",
    "nominations_propose_from_rules",
    "open_cases",
    "retention_rule_create",
    "retention_rule_deactivate",
    "thread_has_pending_nomination",
    "thread_journal",
    "threads_disposable",
]
