"""Background work of the handbook (django-tasks)."""

from django_tasks import task


@task()
def send_review_reminders() -> int:
    """E-mail page owners before and after their pages' review dates."""
    from .services import review_reminders_send

    return review_reminders_send()
