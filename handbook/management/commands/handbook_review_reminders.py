from django.core.management.base import BaseCommand

from handbook.tasks import send_review_reminders


class Command(BaseCommand):
    help = "Queue the e-mails to page owners about review dates (run daily, e.g. from cron)."

    def handle(self, *args, **options):
        result = send_review_reminders.enqueue()
        self.stdout.write(f"review reminders queued: {result.id} ({result.status})")
