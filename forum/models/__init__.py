"""Forum models, one module per subdomain; import them from ``forum.models``."""

from .attachments import Attachment
from .reading import ThreadRead, TopicRead, unread_condition
from .rooms import (
    ROLE_PERMISSIONS,
    ROOM_CODENAMES,
    RoomAuditEntry,
    RoomMembership,
    RoomRole,
)
from .structure import (
    Post,
    PostRevision,
    Room,
    RoomGroupObjectPermission,
    RoomUserObjectPermission,
    Thread,
    ThreadQuerySet,
    Topic,
)

__all__ = [
    "Attachment",
    "ROLE_PERMISSIONS",
    "ROOM_CODENAMES",
    "RoomAuditEntry",
    "RoomMembership",
    "RoomRole",
    "Post",
    "PostRevision",
    "Room",
    "RoomGroupObjectPermission",
    "RoomUserObjectPermission",
    "Thread",
    "ThreadQuerySet",
    "ThreadRead",
    "Topic",
    "TopicRead",
    "unread_condition",
]
