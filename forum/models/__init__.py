"""Forum models, one module per subdomain; import them from ``forum.models``."""

from .reading import ThreadRead, TopicRead, unread_condition
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
