"""`manage.py archive_propose_disposal`: run it daily (cron, systemd timer, Kubernetes CronJob)."""

from django.core.management.base import BaseCommand

from archive.tasks import disposal_propose_task


class Command(BaseCommand):
    help = (
        "Enqueue the task that proposes a disposal list from the retention rules. "
        "Nothing is deleted until a records officer approves the list."
    )

    def handle(self, *args, **options):
        result = disposal_propose_task.enqueue()
        self.stdout.write(f"Enqueued {result.task.name} ({result.id}): {result.status}")
