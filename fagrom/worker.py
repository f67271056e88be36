"""Tasks left ``RUNNING`` by a worker that lost its database or died are run again or failed.

django-tasks-db marks a task ``RUNNING`` when a worker claims it (``worker_ids``
gets the worker's id, ``started_at`` the time) and ``SUCCESSFUL`` or ``FAILED``
when it ends. If the database goes away while the task runs, the worker cannot
write the end, and if the worker process dies (OOM, SIGKILL, a reboot) nobody
does: the row stays ``RUNNING`` for ever, the task never runs again and the
library has nothing that notices. ``tasks_recover`` is that missing piece:

* a task that was interrupted goes back to ``READY`` to be run again, until it
  has been claimed ``WORKER_TASK_ATTEMPTS`` times; then it is ``FAILED`` with
  ``TaskInterrupted`` and the reason in its traceback field, so the admin and
  ``TaskResult.errors`` say why;
* it only touches rows that are still ``RUNNING`` (a conditional update), so
  several workers may sweep at once and a second sweep changes nothing.

Which rows count as interrupted is the caller's knowledge: ``task_ids`` the
worker itself was running when its connection broke, ``worker_id`` a worker
that is known to be gone (a worker restarted under the same ``--worker-id``),
``started_before`` anything claimed longer ago than ``WORKER_TASK_TIMEOUT``
(which must therefore exceed the longest task). Tasks run at least once, as
with any queue: each of Fagrom's is safe to run again.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

logger = logging.getLogger("fagrom.worker")


class TaskInterrupted(Exception):  # noqa: N818 - the name the admin shows for such a task
    """Recorded as the error of a task whose run was cut off too often (never raised)."""


def tasks_recover(
    *,
    reason: str,
    task_ids: Iterable[str] = (),
    worker_id: str | None = None,
    started_before: datetime.datetime | None = None,
    max_attempts: int | None = None,
) -> dict[str, list[str]]:
    """Put interrupted ``RUNNING`` tasks back to ``READY``, or fail those out of attempts.

    Returns the ids ``{"requeued": […], "failed": […]}`` this call changed.
    """
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    max_attempts = max_attempts or settings.WORKER_TASK_ATTEMPTS
    task_ids = [str(pk) for pk in task_ids]
    if not (task_ids or worker_id or started_before):
        return {"requeued": [], "failed": []}
    which = Q(pk__in=task_ids) if task_ids else Q(pk__in=[])
    if started_before is not None:
        which |= Q(started_at__lt=started_before)
    running = DBTaskResult.objects.running()
    changed: dict[str, list[str]] = {"requeued": [], "failed": []}
    with transaction.atomic(using=running.db):
        # skip_locked: a row another worker is claiming or sweeping right now is theirs.
        candidates = list(
            running.select_for_update(skip_locked=True)
            .filter(which | Q(pk__in=_last_claimed_by(running, worker_id)))
            .only("id", "worker_ids")
        )
        for row in candidates:
            still_running = DBTaskResult.objects.filter(pk=row.pk, status=TaskResultStatus.RUNNING)
            if len(row.worker_ids) < max_attempts:
                if still_running.update(status=TaskResultStatus.READY):
                    changed["requeued"].append(str(row.pk))
                continue
            updated = still_running.update(
                status=TaskResultStatus.FAILED,
                finished_at=timezone.now(),
                return_value=None,
                exception_class_path=f"{__name__}.{TaskInterrupted.__qualname__}",
                traceback=(
                    f"Interrupted {len(row.worker_ids)} times (attempts allowed: "
                    f"{max_attempts}); last time: {reason}\n"
                ),
            )
            if updated:
                changed["failed"].append(str(row.pk))
    for outcome, ids in changed.items():
        if ids:
            logger.warning(
                "%d interrupted task(s) %s (%s): %s",
                len(ids),
                "put back in the queue" if outcome == "requeued" else "failed",
                reason,
                ", ".join(ids),
                extra={"event": f"tasks_{outcome}"},
            )
    return changed


def _last_claimed_by(running, worker_id: str | None) -> list:
    """Ids of running tasks whose latest claim is ``worker_id`` (few rows: read in Python)."""
    if not worker_id:
        return []
    return [
        pk for pk, ids in running.values_list("pk", "worker_ids") if ids and ids[-1] == worker_id
    ]


def tasks_recover_stale(*, worker_id: str | None = None) -> dict[str, list[str]]:
    """The sweep a worker makes on start and every ``WORKER_RECOVER_INTERVAL`` seconds."""
    timeout = settings.WORKER_TASK_TIMEOUT
    return tasks_recover(
        reason=(
            f"still RUNNING after {timeout} s (WORKER_TASK_TIMEOUT): its worker died "
            "or lost the database"
        ),
        worker_id=worker_id,
        started_before=timezone.now() - datetime.timedelta(seconds=timeout) if timeout else None,
    )
