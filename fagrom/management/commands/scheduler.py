"""The scheduler process: runs the periodic jobs in ``settings.SCHEDULED_JOBS``.

Run exactly one (the jobs are not meant to overlap): ``manage.py scheduler``
loops for ever; ``manage.py scheduler --once`` runs every job once and exits,
for a cron job or a systemd timer instead of the loop. Heavy work belongs in
tasks (the worker), so a job is usually a quick command that enqueues or
tidies. Apps add their jobs to ``SCHEDULED_JOBS`` in settings.
"""

import logging
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from fagrom.outage import log_failure

logger = logging.getLogger("fagrom.scheduler")


class Command(BaseCommand):
    help = "Run the periodic jobs in SCHEDULED_JOBS (one scheduler per installation)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every job once and exit.")
        parser.add_argument(
            "--tick", type=float, default=30.0, help="Seconds between checks for due jobs."
        )

    def handle(self, *args, once=False, tick=30.0, **options):
        last_run: dict[str, float] = {}
        failed: list[str] = []
        while True:
            now = time.monotonic()
            for name, arguments, every in settings.SCHEDULED_JOBS:
                key = f"{name} {' '.join(arguments)}"
                if once or now - last_run.get(key, -every) >= every:
                    last_run[key] = now
                    if not self._run(name, arguments):
                        failed.append(name)
            if once:
                if failed:
                    raise CommandError(f"Failed jobs: {', '.join(failed)}")
                return
            close_old_connections()
            time.sleep(tick)

    def _run(self, name, arguments):
        started = time.monotonic()
        try:
            call_command(name, *arguments, stdout=self.stdout, stderr=self.stderr)
        except Exception as exc:  # noqa: BLE001 - one failing job must not stop the others
            log_failure(logger, exc, "scheduled job failed", job=name)
            return False
        logger.info(
            "scheduled job done",
            extra={"job": name, "seconds": round(time.monotonic() - started, 2)},
        )
        return True
