"""Journal entries in search: public-journal fields for everyone, screened ones for records
officers only."""

import pytest

from archive import search as archive_search
from archive import services
from search.documents import SearchFilters, SearchQuery
from search.services import search_run, search_suggest
from tests.archive.factories import journal
from tests.forum.factories import ThreadFactory


def found(user, q, backend=None, **filters):
    results = search_run(user=user, query=SearchQuery(q, SearchFilters(**filters)), backend=backend)
    return results


@pytest.fixture
def screened(topic, case_worker, archivist, django_capture_on_commit_callbacks):
    thread = ThreadFactory(topic=topic, author=case_worker, title="Varsling om Ola Kolbeinsen")
    with django_capture_on_commit_callbacks(execute=True):
        return journal(
            thread,
            archivist,
            title="Varsling om Ola Kolbeinsen",
            public_title="Varsling om *****",
            screening_basis="offl. § 13 jf. fvl. § 13",
            screen_title=True,
            screen_names=True,
        )


@pytest.fixture
def plain(topic, case_worker, archivist, django_capture_on_commit_callbacks):
    thread = ThreadFactory(topic=topic, author=case_worker, title="Dagpenger ved permittering")
    with django_capture_on_commit_callbacks(execute=True):
        return journal(thread, archivist, new_case_title="Veiledning om permittering")


def test_journaled_entry_is_in_the_public_journal_for_everyone(plain, case_worker, outsider):
    for person in (case_worker, outsider):
        hits = found(person, "permittering", types=("archive",)).hits
        assert [h.key for h in hits] == [archive_search.key(plain.pk, "public")]
        assert hits[0].title == "Dagpenger ved permittering"
        assert f"#journalpost-{plain.pk}" in hits[0].url
    assert found(case_worker, plain.registry_id, types=("archive",)).total == 1


def test_screened_words_are_only_found_by_records_officers(screened, case_worker, archivist):
    assert found(case_worker, "kolbeinsen").total == 0
    assert search_suggest(user=case_worker, prefix="kolbeinsen") == []
    public = found(case_worker, "varsling", types=("archive",)).hits
    assert [h.title for h in public] == ["Varsling om *****"]
    assert "Kolbeinsen" not in public[0].snippet + public[0].title_html
    # The legal basis is public: people find what is screened and why.
    assert found(case_worker, "offl. § 13", types=("archive",)).total == 1

    officer = found(archivist, "kolbeinsen", types=("archive",)).hits
    assert [h.key for h in officer] == [archive_search.key(screened.pk)]
    assert officer[0].url == f"/arkiv/journalpost/{screened.pk}/"
    # Records officers find the full entry once, not the public copy beside it.
    assert [h.key for h in found(archivist, "varsling", types=("archive",)).hits] == [
        archive_search.key(screened.pk)
    ]


def test_public_document_holds_no_screened_field(screened):
    public, full = archive_search.documents()
    assert public.key.endswith("#public") and not full.key.endswith("#public")
    assert "Kolbeinsen" not in public.title + public.body
    assert screened.sender_name not in public.body
    assert "Kolbeinsen" in full.title and screened.sender_name in full.body


def test_closing_the_case_reindexes_its_entries(
    plain, archivist, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.case_close(case=plain.case, by=archivist)
    hit = found(archivist, "permittering", types=("archive",)).hits[0]
    assert hit.extra["status"] == "archived"


def test_entry_that_no_longer_exists_leaves_the_index(plain, case_worker):
    from search.backends import get_backend

    keys = [archive_search.key(plain.pk)]
    get_backend().replace(keys, archive_search.documents(pks=[plain.pk + 1000]))
    assert found(case_worker, "permittering", types=("archive",)).total == 0


def test_every_backend_keeps_screened_fields_from_the_public(
    backend, screened, case_worker, archivist
):
    backend.rebuild(archive_search.documents())
    assert found(case_worker, "kolbeinsen", backend=backend).total == 0
    assert found(case_worker, "varsling", backend=backend).total == 1
    assert found(archivist, "kolbeinsen", backend=backend).total == 1
    assert [
        (f.value, f.count) for f in found(case_worker, "varsling", backend=backend).facets["type"]
    ] == [("archive", 1)]
