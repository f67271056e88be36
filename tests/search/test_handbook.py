"""Handbook pages in search: the published version only, indexed when it is published."""

import pytest
from wagtail.models import Page

from handbook import search as handbook_search
from handbook import services
from search.documents import SearchFilters, SearchQuery
from search.services import search_run, search_suggest
from tests.handbook.factories import chapter, handbook_page, section, text


def titles(user, q, backend=None, **filters):
    results = search_run(user=user, query=SearchQuery(q, SearchFilters(**filters)), backend=backend)
    return [h.title for h in results.hits]


@pytest.fixture
def routines(handbook, handbook_editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return chapter(
            handbook, title="Personal", owner=handbook_editor, publish_by=handbook_editor
        )


def _publish(page, by, body, callbacks):
    page.body = body
    page.change_summary = "Endret"
    page.save_revision(user=by)
    with callbacks(execute=True):
        services.page_publish(page=page, by=by)


def test_published_page_is_findable_with_its_section_and_address(
    routines, handbook_editor, case_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = handbook_page(
            routines,
            title="Personalhåndboka: ferie",
            owner=handbook_editor,
            body=section("Sykepenger", "Sykepenger etter ftrl. § 8-2 beregnes av grunnlaget."),
            publish_by=handbook_editor,
        )
    hits = search_run(user=case_worker, query=SearchQuery("sykepengene")).hits
    assert [h.title for h in hits] == ["Personalhåndboka: ferie"]
    assert hits[0].type == "handbook"
    assert hits[0].url == page.get_url()
    assert hits[0].extra["section"] == "Personal"
    assert "<mark>Sykepenger</mark>" in hits[0].snippet
    assert titles(case_worker, "håndbok") == ["Personalhåndboka: ferie"]
    assert titles(case_worker, "ftrl. § 8-2") == ["Personalhåndboka: ferie"]
    assert titles(case_worker, "ferie", types=("handbook",)) == ["Personalhåndboka: ferie"]
    assert titles(case_worker, "ferie", types=("forum",)) == []


def test_draft_changes_are_not_findable_until_published(
    routines, handbook_editor, case_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = handbook_page(
            routines, title="Reiser", owner=handbook_editor, publish_by=handbook_editor
        )
    page.body = text("Reiseregningen leveres innen en måned.")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=handbook_editor)  # a draft: the page row keeps what is live
    assert titles(case_worker, "reiseregningen") == []
    page = Page.objects.get(pk=page.pk).specific
    _publish(
        page,
        handbook_editor,
        text("Reiseregningen leveres innen en måned."),
        django_capture_on_commit_callbacks,
    )
    assert titles(case_worker, "reiseregningen") == ["Reiser"]


def test_page_never_published_is_not_indexed(routines, handbook_editor, case_worker):
    handbook_page(routines, title="Utkast om permisjon", owner=handbook_editor)
    assert [d.title for d in handbook_search.documents()] == ["Personal"]


def test_unpublished_page_leaves_the_index(
    routines, handbook_editor, case_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = handbook_page(
            routines, title="Permisjon", owner=handbook_editor, publish_by=handbook_editor
        )
    assert titles(case_worker, "permisjon") == ["Permisjon"]
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish(user=handbook_editor)
    assert titles(case_worker, "permisjon") == []


def test_renamed_chapter_is_the_new_section_of_its_pages(
    routines, handbook_editor, case_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        handbook_page(
            routines, title="Permisjon", owner=handbook_editor, publish_by=handbook_editor
        )
    routines.title = "Personal og HMS"
    routines.change_summary = "Nytt navn"
    routines.save_revision(user=handbook_editor)
    with django_capture_on_commit_callbacks(execute=True):
        services.page_publish(page=routines, by=handbook_editor)
    hit = search_run(user=case_worker, query=SearchQuery("permisjon")).hits[0]
    assert hit.extra["section"] == "Personal og HMS"


def test_handbook_is_found_by_every_signed_in_person_and_nobody_else(
    routines, handbook_editor, case_worker, outsider, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import AnonymousUser

    with django_capture_on_commit_callbacks(execute=True):
        handbook_page(
            routines, title="Permisjon", owner=handbook_editor, publish_by=handbook_editor
        )
    assert titles(outsider, "permisjon") == ["Permisjon"]
    assert titles(AnonymousUser(), "permisjon") == []
    assert [s.title for s in search_suggest(user=case_worker, prefix="permi")] == ["Permisjon"]


def test_every_backend_finds_handbook_pages(backend, routines, handbook_editor, case_worker):
    handbook_page(
        routines,
        title="Dagpengesøknad",
        owner=handbook_editor,
        body=text("Søknaden om dagpenger behandles innen fire uker."),
        publish_by=handbook_editor,
    )
    backend.rebuild(handbook_search.documents())
    assert titles(case_worker, "dagpenger", backend=backend) == ["Dagpengesøknad"]
    results = search_run(user=case_worker, query=SearchQuery("dagpenger"), backend=backend)
    assert [(f.value, f.count) for f in results.facets["type"]] == [("handbook", 1)]
