"""Forum models, one module per subdomain; import them from ``forum.models``."""

from .attachments import Attachment
from .guidance import QuestionReminder, RuleCitation, RuleReference
from .ideas import IdeaVote
from .livechat import LiveChat, LiveChatQuestion, LiveChatVote
from .moderation import (
    Clarification,
    Escalation,
    Flag,
    ModerationAction,
    ModerationLogEntry,
    ModeratorNote,
)
from .notifications import Bookmark, Follow, ListeningSettings, Notification, Reaction
from .reading import ThreadRead, TopicRead, unread_condition
from .rooms import (
    ROLE_PERMISSIONS,
    ROOM_CODENAMES,
    RoomAuditEntry,
    RoomMembership,
    RoomRole,
)
from .structure import (
    AuthorRecord,
    IdeaStatus,
    Post,
    PostRevision,
    QuestionStatus,
    Room,
    RoomGroupObjectPermission,
    RoomUserObjectPermission,
    Thread,
    ThreadQuerySet,
    Topic,
)

__all__ = [
    "Attachment",
    "AuthorRecord",
    "ROLE_PERMISSIONS",
    "ROOM_CODENAMES",
    "RoomAuditEntry",
    "RoomMembership",
    "RoomRole",
    "Bookmark",
    "Clarification",
    "Escalation",
    "Flag",
    "Follow",
    "IdeaStatus",
    "IdeaVote",
    "ListeningSettings",
    "LiveChat",
    "LiveChatQuestion",
    "LiveChatVote",
    "ModerationAction",
    "ModerationLogEntry",
    "ModeratorNote",
    "Notification",
    "Post",
    "PostRevision",
    "QuestionReminder",
    "QuestionStatus",
    "Reaction",
    "Room",
    "RoomGroupObjectPermission",
    "RoomUserObjectPermission",
    "RuleCitation",
    "RuleReference",
    "Thread",
    "ThreadQuerySet",
    "ThreadRead",
    "Topic",
    "TopicRead",
    "unread_condition",
]
