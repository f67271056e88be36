"""``manage.py db_worker`` waits out a database outage instead of exiting."""

import logging

import pytest
from django.core.management import call_command
from django.db.utils import OperationalError
from django_tasks_db.models import DBTaskResult, DBTaskResultQuerySet

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
