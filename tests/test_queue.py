"""Follow-up work (indexing, notifications) is queued if and only if the change commits.

With the database task backend the task row is written in the change's transaction,
so an outage in the instant after the commit cannot lose it; with the in-process
backend it runs after the commit, and a failure to queue is one log line.
"""

import logging

import pytest
from django.db import transaction
from django.db.utils import OperationalError
from django_tasks_db.models import DBTaskResult

from fagrom.queue import enqueue_with_commit
from forum.services import post_reply, thread_start
from search.tasks import index_objects


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def queued(path_end):
    return DBTaskResult.objects.filter(task_path__endswith=path_end)


def test_with_the_database_queue_the_task_row_is_in_the_changes_transaction(
    database_tasks, topic, case_worker, monkeypatch
):
    committed = []
    monkeypatch.setattr(transaction, "on_commit", lambda f, *a, **k: committed.append(f))
    with transaction.atomic():
        thread = thread_start(topic=topic, author=case_worker, title="Frister", body="Hvor lenge?")
        # Already queued, before any commit hook: nothing is left for "after the commit".
        rows = queued("index_objects")
        assert [thread.pk] in [row.args_kwargs["args"][1] for row in rows]
    assert not [f for f in committed if getattr(f, "__name__", "") == "enqueue"]


def test_with_the_database_queue_a_rolled_back_change_queues_nothing(
    database_tasks, topic, case_worker
):
    thread = thread_start(topic=topic, author=case_worker, title="Frister", body="Hvor lenge?")
    before = DBTaskResult.objects.count()

    class Undo(Exception):
        pass

    with pytest.raises(Undo), transaction.atomic():
        post_reply(thread=thread, author=case_worker, body="Tre uker.")
        assert DBTaskResult.objects.count() > before
        raise Undo
    assert DBTaskResult.objects.count() == before


def test_with_the_in_process_queue_an_outage_after_the_commit_is_one_line_without_traceback(
    topic, case_worker, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def database_gone(*args, **kwargs):
        raise OperationalError("terminating connection due to administrator command")

    monkeypatch.setattr(type(index_objects), "enqueue", database_gone)
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        thread = thread_start(topic=topic, author=case_worker, title="Avbrudd", body="Tekst")
    assert thread.pk  # the change itself is kept
    lines = [r for r in caplog.records if r.name == "fagrom.queue"]
    assert lines and all(r.exc_info is None for r in lines)
    assert any(r.name == "fagrom.outage" for r in caplog.records)


def test_with_the_in_process_queue_a_bug_when_queueing_keeps_its_traceback(
    topic, case_worker, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise KeyError("bug")

    monkeypatch.setattr(type(index_objects), "enqueue", broken)
    with django_capture_on_commit_callbacks(execute=True):
        thread_start(topic=topic, author=case_worker, title="Feil", body="Tekst")
    lines = [r for r in caplog.records if r.name == "fagrom.queue"]
    assert lines and lines[0].exc_info is not None


@pytest.mark.django_db
def test_with_another_backend_the_task_is_queued_only_by_the_commit(
    django_capture_on_commit_callbacks,
):
    ran = []

    class Task:
        module_path = "tests.fake"

        def get_backend(self):
            return object()

        def enqueue(self, *args, **kwargs):
            ran.append((args, kwargs))

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        enqueue_with_commit(Task(), 1, two=2)
    assert ran == []
    for callback in callbacks:
        callback()
    assert ran == [((1,), {"two": 2})]
