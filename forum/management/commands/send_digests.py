from fagrom.management.task_command import TaskCommand
from forum.tasks import send_digests


class Command(TaskCommand):
    help = (
        "E-mail the daily digest of unread notifications to everyone who chose it. "
        "Run once a day (cron); it enqueues a background task."
    )
    task = send_digests
    counted = "digests"
