"""Forum rules as service functions, one module per subdomain; import them from ``forum.services``."""

from .attachments import AttachmentError, attachment_check, attachments_add, attachments_check
from .counters import threads_recount, topics_recount
from .posting import (
    author_snapshot,
    post_edit,
    post_reply,
    post_url,
    posts_rerender,
    thread_first_unread,
    thread_mark_read,
    thread_start,
    threads_recent_for,
    topic_mark_read,
)
from .rooms import (
    MembershipError,
    room_log,
    room_member_add,
    room_member_candidates,
    room_member_remove,
    room_member_set_role,
    room_search_refresh,
)

__all__ = [
    "author_snapshot",
    "AttachmentError",
    "MembershipError",
    "attachment_check",
    "attachments_add",
    "attachments_check",
    "room_log",
    "room_search_refresh",
    "room_member_add",
    "room_member_candidates",
    "room_member_remove",
    "room_member_set_role",
    "post_edit",
    "post_reply",
    "post_url",
    "posts_rerender",
    "thread_first_unread",
    "thread_mark_read",
    "thread_start",
    "threads_recent_for",
    "threads_recount",
    "topic_mark_read",
    "topics_recount",
]
