"""``manage.py db_worker``: django-tasks-db's worker, which survives a database outage.

The library's worker exits on the first ``OperationalError`` (a restarted
PostgreSQL, a failover, a dropped connection) and stays down until someone
restarts it. This one drops the broken connection, waits with exponential
back-off (``WORKER_RETRY_MAX`` seconds at most), logs one line when the outage
starts and one when it is over, and carries on with the queue: tasks enqueued
before or during the outage run once the database is back.

A task whose run the outage cut off is not left ``RUNNING`` (the library would
leave it so for ever): once the database is back the worker puts it back in the
queue, or fails it after ``WORKER_TASK_ATTEMPTS`` tries (``fagrom.worker``). On
start and every ``WORKER_RECOVER_INTERVAL`` seconds it does the same for tasks
that a dead worker left behind: those claimed last under its own ``--worker-id``
(give each worker a fixed one) and those running longer than ``WORKER_TASK_TIMEOUT``.
"""

import logging
import threading
import time

from django.conf import settings
from django.db import connections
from django.db.utils import InterfaceError, OperationalError
from django_tasks_db.management.commands import db_worker

from fagrom.worker import tasks_recover, tasks_recover_stale

logger = logging.getLogger("fagrom.worker")

CONNECTION_ERRORS = (OperationalError, InterfaceError)


class ResilientWorker(db_worker.Worker):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Tasks this worker claimed whose end it could not write: recovered once it can.
        self.interrupted_task_ids: set[str] = set()

    def run(self) -> None:
        self._recover_on_start()
        if not self.batch and settings.WORKER_RECOVER_INTERVAL:
            threading.Thread(target=self._recover_periodically, daemon=True).start()
        while self.running:
            try:
                super().run()
                return  # --batch or --max-tasks finished
            except CONNECTION_ERRORS as exc:
                self.startup_delay = False
                self._wait_for_database(exc)
                self._recover_interrupted(exc)

    def run_task(self, db_task_result) -> None:
        task_id = str(db_task_result.pk)
        self.interrupted_task_ids.add(task_id)
        record_failure = db_task_result.set_failed

        def set_failed(exc):
            # A task cut off by a lost connection did not fail: it is run again once the
            # database is back (run() -> _recover_interrupted) instead of being FAILED.
            if isinstance(exc, CONNECTION_ERRORS) and not _database_usable():
                raise exc
            record_failure(exc)

        db_task_result.set_failed = set_failed
        super().run_task(db_task_result)
        # Only reached when the library wrote the task's end: nothing to recover.
        self.interrupted_task_ids.discard(task_id)

    def _recover_on_start(self) -> None:
        try:
            tasks_recover_stale(worker_id=self.worker_id)
        except CONNECTION_ERRORS:
            pass  # the loop meets the outage, waits for the database, and the sweep follows

    def _recover_interrupted(self, exc: Exception) -> None:
        if not self.interrupted_task_ids:
            return
        try:
            tasks_recover(
                task_ids=sorted(self.interrupted_task_ids),
                reason=f"the database connection was lost: {' '.join(str(exc).split())[:200]}",
            )
        except CONNECTION_ERRORS:
            return  # gone again: kept, and tried after the next wait
        self.interrupted_task_ids.clear()

    def _recover_periodically(self) -> None:
        while self.running:
            time.sleep(settings.WORKER_RECOVER_INTERVAL)
            try:
                tasks_recover_stale()
            except Exception:  # noqa: BLE001 - the next sweep tries again; the loop logs outages
                logger.debug("task recovery sweep failed", exc_info=True)
            finally:
                connections.close_all()  # this thread's own connection

    def _wait_for_database(self, exc: Exception) -> None:
        logger.error(
            "database unavailable, worker waiting with back-off: %s",
            " ".join(str(exc).split())[:200],
            extra={"event": "worker_outage"},
        )
        delay, attempts = 0.25, 0
        while self.running:
            _drop_connections()
            time.sleep(delay)
            attempts += 1
            try:
                connections["default"].ensure_connection()
            except (OperationalError, InterfaceError):
                delay = min(delay * 2, settings.WORKER_RETRY_MAX)
                continue
            logger.warning(
                "database available again after %d attempts; worker resumes",
                attempts,
                extra={"event": "worker_outage_over"},
            )
            return


def _database_usable() -> bool:
    connection = connections["default"]
    return connection.connection is not None and connection.is_usable()


def _drop_connections() -> None:
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except Exception:  # noqa: BLE001, S110 - it is broken; we only let go of it
            pass


class Command(db_worker.Command):
    help = db_worker.Command.help + " (retries its database connection with back-off)"

    def handle(self, *args, **options):
        # The library builds its Worker by name in handle(); swap in ours for the call.
        original = db_worker.Worker
        db_worker.Worker = ResilientWorker
        try:
            return super().handle(*args, **options)
        finally:
            db_worker.Worker = original
