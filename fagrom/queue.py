"""Queueing background work so that it cannot be lost between a commit and the queue.

Services queue follow-up work (search indexing, notifications, e-mail) for after the
change they make. Queued "on commit", the work is lost when the database goes away in
the instant between the commit and the queue's own write: the post is there, but it is
never indexed and nobody is told. With the database task backend (production's
``django_tasks_db``) the queue *is* a table in the same database, so the task row is
written inside the service's transaction instead: it commits with the change or not at
all (a transactional outbox), and the worker, which reads committed rows only, never
starts it early. Other backends (the in-process immediate backend of the embedded
default, or a broker) still queue after the commit.
"""

from __future__ import annotations

import logging

from django.db import DEFAULT_DB_ALIAS, router, transaction

from fagrom.outage import log_failure

logger = logging.getLogger(__name__)


def _queue_is_this_database(task) -> bool:
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    return isinstance(task.get_backend(), DatabaseBackend) and (
        router.db_for_write(DBTaskResult) == DEFAULT_DB_ALIAS
    )


def enqueue_with_commit(task, *args, **kwargs) -> None:
    """Queue ``task(*args, **kwargs)`` to run if, and only if, the current transaction commits.

    In the transaction when the queue is a table of this database; otherwise after the
    commit, where a failure to queue is logged (once per outage) and does not undo the
    change the person made.
    """
    if _queue_is_this_database(task):
        task.enqueue(*args, **kwargs)
        return

    def enqueue():
        try:
            task.enqueue(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - the change is committed; losing follow-up work must not fail it
            log_failure(logger, exc, "Could not queue %s", task.module_path)

    transaction.on_commit(enqueue)
