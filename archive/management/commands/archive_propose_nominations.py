"""`manage.py archive_propose_nominations`: run it periodically, like archive_propose_disposal."""

from django.core.management.base import BaseCommand

from archive.tasks import nominations_propose_task


class Command(BaseCommand):
    help = "Enqueue the task that nominates new threads covered by automatic nomination rules."

    def handle(self, *args, **options):
        result = nominations_propose_task.enqueue()
        self.stdout.write(f"Enqueued {result.task.name} ({result.id}): {result.status}")
