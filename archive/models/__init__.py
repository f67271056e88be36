"""Archive models, one module per subdomain; import them from ``archive.models``."""

from .audit import ArchiveEvent
from .journal import (
    NOARK_CASE_STATUS,
    NOARK_ENTRY_STATUS,
    NOARK_ENTRY_TYPE,
    SCREENED,
    ArchivalDocument,
    ArchiveClass,
    ArchivePart,
    Case,
    Fonds,
    JournalEntry,
    JournalEntryQuerySet,
    JournalSequence,
)
from .nomination import Nomination, NominationRule
from .retention import DisposalItem, DisposalList, LegalHold, RetentionRule

__all__ = [
    "NOARK_CASE_STATUS",
    "NOARK_ENTRY_STATUS",
    "NOARK_ENTRY_TYPE",
    "SCREENED",
    "ArchivalDocument",
    "ArchiveClass",
    "ArchiveEvent",
    "ArchivePart",
    "Case",
    "DisposalItem",
    "DisposalList",
    "Fonds",
    "JournalEntry",
    "JournalEntryQuerySet",
    "JournalSequence",
    "LegalHold",
    "Nomination",
    "NominationRule",
    "RetentionRule",
]
