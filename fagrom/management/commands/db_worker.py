"""``manage.py db_worker``: django-tasks-db's worker, which survives a database outage.

The library's worker exits on the first ``OperationalError`` (a restarted
PostgreSQL, a failover, a dropped connection) and stays down until someone
restarts it. This one drops the broken connection, waits with exponential
back-off (``WORKER_RETRY_MAX`` seconds at most), logs one line when the outage
starts and one when it is over, and carries on with the queue: tasks enqueued
before or during the outage run once the database is back.
"""

import logging
import time

from django.conf import settings
from django.db import connections
from django.db.utils import InterfaceError, OperationalError
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger("fagrom.worker")


class ResilientWorker(db_worker.Worker):
    def run(self) -> None:
        while self.running:
            try:
                super().run()
                return  # --batch or --max-tasks finished
            except (OperationalError, InterfaceError) as exc:
                self.startup_delay = False
                self._wait_for_database(exc)

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
