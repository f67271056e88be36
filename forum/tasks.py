"""Background tasks (django-tasks): in-process by default, ``manage.py db_worker`` in production."""

from django_tasks import task

from .services import guidance, listening


@task()
def fan_out(
    *, thread_id, kind, message="", params=None, text="", actor_id=None, post_id=None, url=""
):
    """Notify followers and @-mentioned people of something that happened in a thread.

    ``text`` without ``message``: a task enqueued before notifications kept their message.
    """
    return listening.fan_out_run(
        thread_id=thread_id,
        kind=kind,
        message=message,
        params=params,
        text=text,
        actor_id=actor_id,
        post_id=post_id,
        url=url,
    )


@task()
def email_immediate(notification_ids):
    return listening.email_immediate_run(notification_ids)


@task()
def send_digests():
    return listening.digests_send()


@task()
def remind_overdue_questions():
    return guidance.questions_remind_overdue()
