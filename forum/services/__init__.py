"""Forum rules as service functions, one module per subdomain; import them from ``forum.services``."""

from .posting import (
    post_edit,
    post_reply,
    post_url,
    posts_rerender,
    thread_mark_read,
    thread_start,
    threads_recent_for,
    topic_mark_read,
)

__all__ = [
    "post_edit",
    "post_reply",
    "post_url",
    "posts_rerender",
    "thread_mark_read",
    "thread_start",
    "threads_recent_for",
    "topic_mark_read",
]
