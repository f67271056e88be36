"""The forum's background tasks (django-tasks): in-process by default, ``manage.py db_worker``
in production.

Each task is defined beside the service it runs (so services enqueue them without importing
this module); this module is their catalogue, and the path older queued tasks name.
"""

from .services.guidance import remind_overdue_questions
from .services.listening import email_immediate, fan_out, send_digests

__all__ = ["email_immediate", "fan_out", "remind_overdue_questions", "send_digests"]
