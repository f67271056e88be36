from django.core.management.base import BaseCommand

from forum.tasks import send_digests


class Command(BaseCommand):
    help = (
        "E-mail the daily digest of unread notifications to everyone who chose it. "
        "Run once a day (cron); it enqueues a background task."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help="Run in this process, not as a task."
        )

    def handle(self, *args, **options):
        if options["now"]:
            sent = send_digests.call()
            self.stdout.write(f"{sent} digests sent")
        else:
            result = send_digests.enqueue()
            self.stdout.write(f"enqueued {result.id}")
