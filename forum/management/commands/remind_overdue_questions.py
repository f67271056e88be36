from django.core.management.base import BaseCommand

from forum.tasks import remind_overdue_questions


class Command(BaseCommand):
    help = (
        "Remind topic moderators of questions past the topic's response target, and then the "
        "topic's owner. Run it a few times a day (cron); it enqueues a background task."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help="Run in this process, not as a task."
        )

    def handle(self, *args, **options):
        if options["now"]:
            sent = remind_overdue_questions.call()
            self.stdout.write(f"{sent} reminders sent")
        else:
            result = remind_overdue_questions.enqueue()
            self.stdout.write(f"enqueued {result.id}")
