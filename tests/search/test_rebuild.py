"""The database index rebuilds in committed batches and an interrupted rebuild resumes."""

from io import StringIO

import pytest
from django.core.management import call_command

from forum import search as forum_search
from search.backends import database_backend
from search.backends.building import run_build
from search.documents import SearchDocument, SearchQuery
from search.models import IndexBuild, IndexedDocument, IndexedPrincipal, IndexedWord
from search.services import documents_after, search_run
from search.text import snippets

pytestmark = pytest.mark.django_db


def doc(n, body="dagpenger meldekort", principals=("all",)):
    return SearchDocument(
        key=f"forum.thread:{n}",
        type="forum",
        title=f"Tråd {n}",
        body=body,
        url=f"/t/{n}/",
        principals=frozenset(principals),
    )


class Interrupted(Exception):
    pass


def stopping_after(docs, count):
    """The documents, then an interruption (as a killed process) after ``count`` of them."""

    def documents(position):
        for i, d in enumerate(docs):
            if i == count:
                raise Interrupted
            yield d

    return documents


def keys():
    return sorted(IndexedDocument.objects.values_list("key", flat=True))


def test_interrupted_rebuild_keeps_its_committed_batches_and_resume_finishes_it():
    backend = database_backend()
    backend.rebuild([doc(n) for n in (90, 91)])  # an earlier index; 91 is gone by now
    docs = [doc(n) for n in range(1, 8)]
    with pytest.raises(Interrupted):
        run_build(backend, stopping_after(docs, 5), batch_size=2)
    build = IndexBuild.objects.get(finished_at=None)
    # Two batches of two committed; the fifth document's batch was lost with the run.
    assert build.written == 4
    assert build.position == {"source": "forum.thread", "pk": 4}
    assert keys() == sorted(
        ["forum.thread:1", "forum.thread:2", "forum.thread:3"]
        + ["forum.thread:4", "forum.thread:90", "forum.thread:91"]
    )  # searches still find the old documents meanwhile

    seen_positions = []

    def rest(position):
        seen_positions.append(position)
        return [d for d in docs if int(d.key.rsplit(":", 1)[1]) >= position["pk"]]

    written = run_build(backend, rest, batch_size=2, resume=True)
    assert seen_positions == [{"source": "forum.thread", "pk": 4}]
    assert written == 4 + 4  # object 4 is written again: its variants may have been split
    # Earlier builds' rows are gone (90 and 91: no provider yields them now).
    assert keys() == sorted(f"forum.thread:{n}" for n in range(1, 8))
    assert IndexedPrincipal.objects.count() == 7
    assert not IndexBuild.objects.filter(finished_at=None).exists()


def test_resumed_vocabulary_counts_each_document_once_per_batch_committed():
    backend = database_backend()
    docs = [doc(1, "meldekortet"), doc(2, "meldekortet"), doc(3, "meldekortet")]
    with pytest.raises(Interrupted):
        run_build(backend, stopping_after(docs, 2), batch_size=1)
    run_build(backend, lambda position: docs[position["pk"] :], batch_size=1, resume=True)
    assert IndexedWord.objects.get(word="meldekortet").documents == 3


def test_without_resume_a_new_build_starts_from_the_beginning():
    backend = database_backend()
    with pytest.raises(Interrupted):
        run_build(backend, stopping_after([doc(1), doc(2)], 1), batch_size=1)
    positions = []

    def everything(position):
        positions.append(position)
        return [doc(1), doc(2)]

    assert run_build(backend, everything, batch_size=1) == 2
    assert positions == [{}]
    assert IndexBuild.objects.count() == 1  # the abandoned build is dropped with the rest


def test_document_written_incrementally_during_a_build_survives_the_prune():
    backend = database_backend()
    docs = [doc(1), doc(2)]

    def with_a_reply_meanwhile(position):
        yield docs[0]
        backend.index([doc(50, "permittering")])  # a background task during the build
        yield docs[1]

    run_build(backend, with_a_reply_meanwhile, batch_size=1)
    assert "forum.thread:50" in keys()


def test_documents_after_continues_the_forum_from_the_position(topic):
    from tests.forum.factories import ThreadFactory

    threads = ThreadFactory.create_batch(4, topic=topic)
    position = {"source": forum_search.SOURCE, "pk": threads[2].pk}
    made = [d.key for d in documents_after(position) if d.source == forum_search.SOURCE]
    assert made == [forum_search.key(t.pk) for t in threads[2:]]


def test_search_reindex_resume_finishes_an_interrupted_run(topic, case_worker):
    from tests.forum.factories import ThreadFactory

    ThreadFactory.create_batch(3, topic=topic, title="Dagpenger ved permittering")
    backend = database_backend()
    with pytest.raises(Interrupted):
        run_build(backend, stopping_after(list(forum_search.documents()), 1), batch_size=1)
    out = StringIO()
    call_command("search_reindex", "--backend", "db", "--resume", stdout=out, stderr=StringIO())
    assert IndexedDocument.objects.filter(type="forum").count() == 3
    assert search_run(user=case_worker, query=SearchQuery("permittering")).total == 3


def test_rows_keep_the_norwegian_year_of_their_date():
    import datetime as dt

    backend = database_backend()
    new_year = dt.datetime(2025, 12, 31, 23, 30, tzinfo=dt.UTC)  # 00:30 in Oslo, 2026
    backend.index([SearchDocument(**{**doc(1).__dict__, "date": new_year})])
    assert IndexedDocument.objects.get().year == 2026


def test_snippet_finds_a_match_far_into_a_long_thread_and_at_the_head_cut():
    from search import text
    from search.laws import current_table

    laws = current_table()
    patterns = text.highlight_patterns(text.parse("yrkesskade", laws), laws)
    filler = "Saken gjelder oppfølging av sykmeldte. " * 300  # 11 kB before the match
    far = text.snippet(filler + "Her er det en yrkesskade.", patterns)
    assert "<mark>yrkesskade</mark>" in text.marked_to_html(far)
    cut = snippets.HEAD_CHARS - 5  # the word straddles the head's end
    edge = ("x " * (cut // 2))[:cut] + "yrkesskade og mer tekst " * 200
    assert "<mark>yrkesskade</mark>" in text.marked_to_html(text.snippet(edge, patterns))
