"""Background work of the archive, run by django-tasks (in-process by default)."""

from django_tasks import task

from . import services


@task()
def disposal_propose_task() -> int | None:
    """Propose a disposal list from the retention rules; returns its id (None if nothing is due)."""
    disposal_list = services.disposal_propose()
    return disposal_list.pk if disposal_list else None


@task()
def nominations_propose_task() -> int:
    """Nominate new threads covered by "all new threads" rules; returns how many."""
    return services.nominations_propose_from_rules()
