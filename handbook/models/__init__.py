"""The quality handbook: pages, versions, approvals, read confirmations, proposals, hearings."""

from .collaboration import ChangeProposal, Hearing, HearingComment
from .pages import ChapterPage, ControlledPage, DocumentStatus, HandbookIndexPage, HandbookPage
from .records import PageVersion, ReadConfirmation, ReviewReminder
from .workflow import HandbookApprovalTask, HandbookApprovalTaskState

__all__ = [
    "ChangeProposal",
    "ChapterPage",
    "ControlledPage",
    "DocumentStatus",
    "HandbookApprovalTask",
    "HandbookApprovalTaskState",
    "HandbookIndexPage",
    "HandbookPage",
    "Hearing",
    "HearingComment",
    "PageVersion",
    "ReadConfirmation",
    "ReviewReminder",
]
