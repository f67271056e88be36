from fagrom.management.task_command import TaskCommand
from forum.tasks import remind_overdue_questions


class Command(TaskCommand):
    help = (
        "Remind topic moderators of questions past the topic's response target, and then the "
        "topic's owner. Run it a few times a day (cron); it enqueues a background task."
    )
    task = remind_overdue_questions
    counted = "reminders"
