"""Forum services index after commit; the reindex command rebuilds everything."""

from io import StringIO

from django.core.management import call_command

from forum.services import post_edit, post_reply, thread_start
from search.backends import database_backend
from search.documents import SearchQuery
from search.models import IndexedDocument
from search.services import search_run


def found(user, text):
    return [h.title for h in search_run(user=user, query=SearchQuery(text)).hits]


def test_new_thread_is_findable_after_commit(
    topic, case_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        thread_start(topic=topic, author=case_worker, title="Karensdager", body="Hvor mange?")
    assert found(case_worker, "karensdager") == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert found(case_worker, "karensdager") == ["Karensdager"]


def test_reply_and_edit_reindex_the_thread(topic, case_worker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        thread = thread_start(topic=topic, author=case_worker, title="Reise", body="Spørsmål")
    with django_capture_on_commit_callbacks(execute=True):
        reply = post_reply(thread=thread, author=case_worker, body="Se reiseregulativet.")
    assert found(case_worker, "reiseregulativet") == ["Reise"]
    with django_capture_on_commit_callbacks(execute=True):
        post_edit(post=reply, by=case_worker, body="Se tjenestereiseavtalen.")
    assert found(case_worker, "reiseregulativet") == []
    assert found(case_worker, "tjenestereiseavtalen") == ["Reise"]


def test_rolled_back_change_is_never_indexed(
    topic, case_worker, django_capture_on_commit_callbacks
):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                thread_start(topic=topic, author=case_worker, title="Angret", body="x")
                raise RuntimeError
        except RuntimeError:
            pass
    assert callbacks == []
    assert not IndexedDocument.objects.exists()


def test_search_reindex_rebuilds_from_the_providers(topic, case_worker):
    from tests.forum.factories import ThreadFactory

    ThreadFactory.create_batch(3, topic=topic)
    database_backend().index([])  # nothing indexed yet: factories bypass the services
    out = StringIO()
    call_command("search_reindex", "--backend", "db", stdout=out, stderr=StringIO())
    assert IndexedDocument.objects.count() == 3
    assert "3" in out.getvalue()


def test_postgres_rebuild_leaves_fresh_planner_statistics(topic, case_worker):
    """Stale statistics after a bulk rebuild made PostgreSQL scan every document."""
    import pytest
    from django.db import connection

    from forum import search as forum_search
    from tests.forum.factories import ThreadFactory

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: planner statistics of the search tables")
    ThreadFactory.create_batch(4, topic=topic)
    written = database_backend().rebuild(forum_search.documents())
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'search_indexeddocument'")
        assert cursor.fetchone()[0] == written == 4

