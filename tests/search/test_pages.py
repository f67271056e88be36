"""The search page, the header box, suggestions and the API (database backend)."""

import pytest
from django.urls import reverse

from forum import search as forum_search
from search.backends import database_backend

# 15 on PostgreSQL (14 on SQLite): session, user, grants (4), the handbook's page privacy,
# the search (one statement: hits, total, facets) and the page's documents, the hits'
# topics, rooms and units, the menu; the law-name table is read once per process.
SEARCH_PAGE_MAX_QUERIES = 15


@pytest.fixture
def indexed_db(corpus):
    database_backend().rebuild(forum_search.documents())
    return corpus


def test_every_page_has_a_labelled_search_box(client, case_worker):
    client.force_login(case_worker)
    html = client.get(reverse("home")).content.decode()
    assert 'role="search"' in html
    assert 'for="site-search-q"' in html
    assert f'hx-get="{reverse("search:suggest")}"' in html


def test_search_page_shows_highlighted_hits_with_facet_counts(
    client, case_worker, indexed_db, django_assert_max_num_queries
):
    client.force_login(case_worker)
    with django_assert_max_num_queries(SEARCH_PAGE_MAX_QUERIES):
        response = client.get(reverse("search:results"), {"q": "sykepengene"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>Sykepenger</mark> ved permittering" in html
    assert "2 treff" in html
    assert 'Dagpenger <span class="meta">(2)</span>' in html
    assert "Omorganisering" not in html


def test_filter_by_type_keeps_the_box_ticked(client, case_worker, indexed_db):
    client.force_login(case_worker)
    html = client.get(reverse("search:results"), {"q": "sykepenger", "type": "handbook"}).content
    html = html.decode()
    assert "0 treff" in html
    assert 'value="handbook" checked' in html


def test_bad_filter_input_gets_a_norwegian_message_and_keeps_the_query(
    client, case_worker, indexed_db
):
    client.force_login(case_worker)
    response = client.get(
        reverse("search:results"),
        {"q": "sykepenger", "date_from": "2026-05-01", "date_to": "2026-01-01", "page": "x"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Til-datoen kan ikke være før fra-datoen." in html
    assert 'value="sykepenger"' in html


@pytest.mark.parametrize(
    "dates", [{"date_from": "0001-01-01"}, {"date_to": "9999-12-31"}, {"date_from": "9999-12-31"}]
)
def test_dates_at_the_ends_of_the_calendar_are_answered_not_a_server_error(
    client, case_worker, indexed_db, dates
):
    client.force_login(case_worker)
    page = client.get(reverse("search:results"), {"q": "sykepenger", **dates})
    assert page.status_code == 200
    api = client.get("/api/v1/search", {"q": "sykepenger", **dates})
    assert api.status_code == 200
    expected = 0 if dates.get("date_from") == "9999-12-31" else 2
    assert api.json()["total"] == expected


def test_made_up_closed_room_filter_reveals_no_name(client, case_worker, indexed_db, closed_room):
    client.force_login(case_worker)
    html = client.get(
        reverse("search:results"), {"q": "sykepenger", "room": str(closed_room.pk)}
    ).content.decode()
    assert "Omstilling" not in html
    assert "0 treff" in html


def test_suggestions_are_an_htmx_partial_of_links(client, case_worker, indexed_db):
    client.force_login(case_worker)
    response = client.get(reverse("search:suggest"), {"q": "sykep"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert indexed_db["sykepenger"].get_absolute_url() in html
    assert "<script" not in html


def test_search_requires_login(client):
    response = client.get(reverse("search:results"), {"q": "x"})
    assert response.status_code == 302


def test_api_answers_with_the_same_access_and_filters(client, case_worker, member, indexed_db):
    url = reverse("api:search")
    assert client.get(url, {"q": "sykepenger"}).status_code == 401
    client.force_login(case_worker)
    data = client.get(url, {"q": "sykepenger"}).json()
    assert data["total"] == 2
    assert {h["title"] for h in data["hits"]} == {"Sykepenger ved permittering", "Opptjening"}
    data = client.get(url, {"q": "sykepenger", "type": ["handbook"]}).json()
    assert data["total"] == 0
    client.force_login(member)
    data = client.get(url, {"q": "sykepenger"}).json()
    assert data["total"] == 3
    assert "Omstilling" in {f["label"] for f in data["facets"]["room"]}


def test_api_suggest(client, case_worker, indexed_db):
    client.force_login(case_worker)
    data = client.get(reverse("api:search_suggest"), {"q": "omorg"}).json()
    assert data == []
    data = client.get(reverse("api:search_suggest"), {"q": "dagpenges"}).json()
    assert [s["title"] for s in data] == ["Dagpengesøknad fra selvstendig næringsdrivende"]


@pytest.fixture
def all_types(corpus, agency, handbook_editor, archivist, topic):
    """A handbook page, the forum corpus and a journal entry, all about sykepenger."""
    from archive import search as archive_search
    from handbook import search as handbook_search
    from handbook import services as handbook_services
    from tests.archive.factories import journal
    from tests.handbook.factories import chapter, handbook_page, text

    root = handbook_services.handbook_setup(editing_units=[agency])
    routines = chapter(root, title="Ytelser", owner=handbook_editor, publish_by=handbook_editor)
    page = handbook_page(
        routines,
        title="Rutine for sykepenger",
        owner=handbook_editor,
        body=text("Sykepenger utbetales etter arbeidsgiverperioden."),
        publish_by=handbook_editor,
    )
    entry = journal(corpus["sykepenger"], archivist, new_case_title="Veiledning om sykepenger")
    database_backend().rebuild(
        [
            *handbook_search.documents(),
            *forum_search.documents(),
            *archive_search.documents(),
        ]
    )
    return {"page": page, "entry": entry}


def test_type_facet_counts_and_filters_handbook_forum_and_archive(
    client, case_worker, all_types, django_assert_max_num_queries
):
    client.force_login(case_worker)
    with django_assert_max_num_queries(SEARCH_PAGE_MAX_QUERIES):
        html = client.get(reverse("search:results"), {"q": "sykepenger"}).content.decode()
    assert "4 treff" in html
    assert 'Håndbok <span class="meta">(1)</span>' in html
    assert 'Forum <span class="meta">(2)</span>' in html
    assert 'Arkiv <span class="meta">(1)</span>' in html
    assert f'href="{all_types["page"].get_url()}"' in html
    assert "versjon 1.0" in html
    assert f"journalpost {all_types['entry'].registry_id}" in html
    html = client.get(
        reverse("search:results"), {"q": "sykepenger", "type": ["handbook", "archive"]}
    ).content.decode()
    assert "2 treff" in html
    assert "<mark>Sykepenger</mark> utbetales" in html
    assert "Sykepenger ved permittering</a>" not in html


def test_api_filters_by_type_and_links_each_hit_to_its_page(client, case_worker, all_types):
    client.force_login(case_worker)
    url = reverse("api:search")
    data = client.get(url, {"q": "sykepenger", "type": ["handbook"]}).json()
    assert [(h["type"], h["url"]) for h in data["hits"]] == [
        ("handbook", all_types["page"].get_url())
    ]
    assert data["hits"][0]["extra"]["section"] == "Ytelser"
    data = client.get(url, {"q": "sykepenger", "type": ["archive"]}).json()
    entry = all_types["entry"]
    assert [h["url"] for h in data["hits"]] == [
        f"/arkiv/offentlig-journal/?fra={entry.journal_date}&til={entry.journal_date}"
        f"#journalpost-{entry.pk}"
    ]
    data = client.get(url, {"q": "sykepenger"}).json()
    assert {f["value"]: f["count"] for f in data["facets"]["type"]} == {
        "handbook": 1,
        "forum": 2,
        "archive": 1,
    }


def test_search_response_says_what_it_cost_in_server_timing(client, case_worker, indexed_db):
    client.force_login(case_worker)
    response = client.get(reverse("search:results"), {"q": "sykepenger"})
    timing = response["Server-Timing"]
    assert timing.startswith("search;dur=") and "total;dur=" in timing


def test_archive_hit_shows_case_number_type_and_date_not_a_field_dump(
    client, case_worker, all_types
):
    client.force_login(case_worker)
    html = client.get(reverse("search:results"), {"q": "sykepenger", "type": "archive"})
    html = html.content.decode()
    entry = all_types["entry"]
    assert '<dl class="search-hit__archive">' in html
    assert entry.case.number in html and "Dokumenttype" in html
    assert entry.registry_id in html
    # The raw body (numbers repeated as words for matching) is not shown.
    assert " ".join(__import__("re").findall(r"\d+", entry.registry_id)) not in html


def test_ticking_one_type_keeps_the_other_types_to_tick(client, case_worker, all_types):
    client.force_login(case_worker)
    html = client.get(reverse("search:results"), {"q": "sykepenger", "type": "forum"})
    html = html.content.decode()
    assert 'id="f-type-forum" name="type" value="forum" checked' in html
    assert 'id="f-type-handbook" name="type" value="handbook"' in html
    assert 'id="f-type-archive" name="type" value="archive"' in html


def test_sort_by_newest_is_kept_in_the_page(client, case_worker, indexed_db):
    client.force_login(case_worker)
    html = client.get(reverse("search:results"), {"q": "sykepenger", "sort": "newest"})
    assert '<option value="newest" selected>' in html.content.decode()


def test_misspelling_offers_the_corrected_search(client, case_worker, indexed_db):
    client.force_login(case_worker)
    html = client.get(reverse("search:results"), {"q": "permiteringg"}).content.decode()
    assert "Mente du" in html and "q=permittering" in html
