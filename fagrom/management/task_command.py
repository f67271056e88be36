"""A management command that starts a periodic background task (run from cron).

By default it enqueues the task for the worker (``manage.py db_worker``); ``--now`` runs
it in this process and says how many it sent. A command names its ``task`` and what it
counts, and says in ``help`` when to run it.
"""

from django.core.management.base import BaseCommand


class TaskCommand(BaseCommand):
    task = None  # a django-tasks Task whose function returns how many it sent
    counted = "items"  # "{n} <counted> sent"

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help="Run in this process, not as a task."
        )

    def handle(self, *args, **options):
        if options["now"]:
            sent = self.task.call()
            self.stdout.write(f"{sent} {self.counted} sent")
        else:
            result = self.task.enqueue()
            self.stdout.write(f"enqueued {result.id}")
