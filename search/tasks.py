"""Indexing runs after the change commits, as a background task.

Apps call ``index_later(SOURCE, pk)`` from their services: one line, inside the
service's transaction. Nothing is indexed if the transaction rolls back, and the
request does not wait for the index when a task worker runs (``TASKS_BACKEND``
set to django-tasks-db and ``manage.py db_worker``); on the embedded default the
immediate backend runs it in-process right after the commit.
"""

from __future__ import annotations

from django_tasks import task

from fagrom.queue import enqueue_with_commit

TASK_SLICE = 500


def index_later(source: str, *pks: int) -> None:
    """Re-index these objects of ``source`` if the current transaction commits."""
    ids = sorted({int(pk) for pk in pks})
    if ids:
        enqueue_with_commit(index_objects, source, ids)


@task()
def index_objects(source: str, pks: list[int]) -> int:
    """Replace the index entries of these objects with what their provider yields now."""
    from .backends import get_backend
    from .providers import provider

    backend, module = get_backend(), provider(source)
    written = 0
    # In slices, so re-indexing every thread of a large room holds one slice in memory.
    for start in range(0, len(pks), TASK_SLICE):
        part = pks[start : start + TASK_SLICE]
        docs = list(module.documents(pks=part))
        written += backend.replace([f"{source}:{pk}" for pk in part], docs)
    return written
