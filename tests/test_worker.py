"""``manage.py db_worker`` waits out a database outage and leaves no task ``RUNNING`` for ever."""

import logging
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.utils import OperationalError
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult, DBTaskResultQuerySet

from fagrom.management.commands import db_worker
from fagrom.worker import tasks_recover, tasks_recover_stale
from forum.tasks import send_digests


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.WORKER_RETRY_MAX = 0.05


def test_the_worker_survives_a_lost_connection_and_then_runs_the_queue(
    transactional_db, database_tasks, monkeypatch, caplog
):
    queued = send_digests.enqueue()
    real_get_locked = DBTaskResultQuerySet.get_locked
    calls = []

    def connection_lost_twice(self):
        calls.append(1)
        if len(calls) <= 2:  # what psycopg raises when PostgreSQL restarts under the worker
            raise OperationalError("server closed the connection unexpectedly")
        return real_get_locked(self)

    monkeypatch.setattr(DBTaskResultQuerySet, "get_locked", connection_lost_twice)
    with caplog.at_level(logging.INFO, logger="fagrom.worker"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval=0")
    assert DBTaskResult.objects.get(pk=queued.id).status == "SUCCESSFUL"
    worker_lines = [r.getMessage() for r in caplog.records if r.name == "fagrom.worker"]
    assert len(worker_lines) == 4  # two outages: each "unavailable" and "available again"
    assert "database unavailable" in worker_lines[0]
    assert "available again" in worker_lines[1]


# A task cut off by the database going away ---------------------------------------------

RUNS: list[str] = []


@task()
def cut_off_once(kill_backend: bool = False) -> str:
    """Loses its database connection on the first run, as when PostgreSQL restarts under it."""
    RUNS.append("run")
    if len(RUNS) == 1:
        if kill_backend:  # PostgreSQL: the server ends this very connection
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        raise OperationalError("server closed the connection unexpectedly")
    return "done"


@pytest.fixture
def runs():
    RUNS.clear()
    yield RUNS
    RUNS.clear()


def _work(*extra):
    call_command(
        "db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval=0", *extra
    )


def test_a_task_cut_off_by_a_lost_connection_is_run_again_not_left_running(
    transactional_db, database_tasks, runs, monkeypatch, caplog
):
    queued = cut_off_once.enqueue()
    # SQLite's in-memory test database cannot lose its connection; say it did, once.
    usable = iter([False])
    monkeypatch.setattr(db_worker, "_database_usable", lambda: next(usable, True))
    with caplog.at_level(logging.INFO, logger="fagrom.worker"):
        _work()
    result = DBTaskResult.objects.get(pk=queued.id)
    assert result.status == "SUCCESSFUL"
    assert result.return_value == "done"
    assert runs == ["run", "run"]
    assert len(result.worker_ids) == 2  # claimed twice: the cut-off run and the one after
    assert any("put back in the queue" in r.getMessage() for r in caplog.records)


def test_a_task_whose_postgresql_connection_is_killed_mid_run_is_run_again(
    transactional_db, database_tasks, runs
):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: pg_terminate_backend ends the task's own connection")
    queued = cut_off_once.enqueue(kill_backend=True)
    _work()
    result = DBTaskResult.objects.get(pk=queued.id)
    assert (result.status, result.return_value, runs) == ("SUCCESSFUL", "done", ["run", "run"])


def test_a_task_interrupted_too_often_is_failed_with_the_reason(
    transactional_db, database_tasks, settings
):
    settings.WORKER_TASK_ATTEMPTS = 2
    queued = send_digests.enqueue()
    _claim(queued.id, "worker-a", "worker-b")
    changed = tasks_recover(task_ids=[queued.id], reason="the database connection was lost")
    assert changed == {"requeued": [], "failed": [queued.id]}
    result = DBTaskResult.objects.get(pk=queued.id)
    assert result.status == "FAILED"
    assert result.finished_at is not None
    assert "Interrupted 2 times" in result.traceback
    assert "the database connection was lost" in result.traceback
    error = result.task_result.errors[0]
    assert error.exception_class.__name__ == "TaskInterrupted"


def test_recovery_changes_only_running_tasks_and_a_second_sweep_changes_nothing(
    transactional_db, database_tasks
):
    running, done = send_digests.enqueue(), send_digests.enqueue()
    _claim(running.id, "worker-a")
    _claim(done.id, "worker-a")
    DBTaskResult.objects.filter(pk=done.id).update(status="SUCCESSFUL")
    ids = [running.id, done.id]
    assert tasks_recover(task_ids=ids, reason="test") == {"requeued": [running.id], "failed": []}
    assert tasks_recover(task_ids=ids, reason="test") == {"requeued": [], "failed": []}
    statuses = dict(DBTaskResult.objects.filter(pk__in=ids).values_list("pk", "status"))
    assert {str(k): v for k, v in statuses.items()} == {running.id: "READY", done.id: "SUCCESSFUL"}


def test_the_sweep_requeues_tasks_running_past_the_timeout_and_leaves_recent_ones(
    transactional_db, database_tasks, settings
):
    settings.WORKER_TASK_TIMEOUT = 600
    stale, recent = send_digests.enqueue(), send_digests.enqueue()
    _claim(stale.id, "gone-worker", started_at=timezone.now() - timedelta(seconds=601))
    _claim(recent.id, "live-worker")
    assert tasks_recover_stale() == {"requeued": [stale.id], "failed": []}
    assert DBTaskResult.objects.get(pk=recent.id).status == "RUNNING"


def test_a_worker_restarted_under_its_id_runs_again_what_it_had_claimed(
    transactional_db, database_tasks
):
    mine, other = send_digests.enqueue(), send_digests.enqueue()
    _claim(mine.id, "host-1")  # the worker was killed while running it
    _claim(other.id, "host-2")  # another worker, still running it
    _work("--worker-id=host-1")
    assert DBTaskResult.objects.get(pk=mine.id).status == "SUCCESSFUL"
    assert DBTaskResult.objects.get(pk=mine.id).worker_ids == ["host-1", "host-1"]
    assert DBTaskResult.objects.get(pk=other.id).status == "RUNNING"


def _claim(task_id, *worker_ids, started_at=None):
    DBTaskResult.objects.filter(pk=task_id).update(
        status="RUNNING", worker_ids=list(worker_ids), started_at=started_at or timezone.now()
    )
