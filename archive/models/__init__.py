"""Archive models, one module per subdomain; import them from ``archive.models``."""

from .access_request import AccessRequest
from .audit import ArchiveEvent
from .case_type import CaseType
from .journal import (
    NOARK_CASE_STATUS,
    NOARK_DISPOSAL_DECISION,
    NOARK_ENTRY_STATUS,
    NOARK_ENTRY_TYPE,
    SCREENED,
    ArchivalDocument,
    ArchiveClass,
    ArchivePart,
    Case,
    DisposalDecision,
    Fonds,
    JournalEntry,
    JournalEntryQuerySet,
    JournalSequence,
    Retention,
)
from .nomination import Nomination, NominationRule
from .retention import DisposalItem, DisposalList, LegalHold, RetentionRule

__all__ = [
    "NOARK_CASE_STATUS",
    "NOARK_DISPOSAL_DECISION",
    "NOARK_ENTRY_STATUS",
    "NOARK_ENTRY_TYPE",
    "SCREENED",
    "AccessRequest",
    "ArchivalDocument",
    "ArchiveClass",
    "ArchiveEvent",
    "ArchivePart",
    "Case",
    "CaseType",
    "DisposalDecision",
    "DisposalItem",
    "DisposalList",
    "Fonds",
    "JournalEntry",
    "JournalEntryQuerySet",
    "JournalSequence",
    "LegalHold",
    "Nomination",
    "NominationRule",
    "Retention",
    "RetentionRule",
]
