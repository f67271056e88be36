"""Norwegian as case workers write it, the same on every database backend.

Each rule with real examples: compounds both ways, legal references in every
form, nynorsk and bokmål, quoted phrases, "Mente du …?", and the law table that
editors extend. Runs on the database named by DATABASE_URL (SQLite or PostgreSQL).
"""

import pytest

import access
from forum import search as forum_search
from search import laws as law_table
from search.documents import SearchQuery
from search.models import LawName
from search.services import search_run
from tests.search.conftest import thread


def run(backend, user, q, **kwargs):
    return search_run(user=user, query=SearchQuery(q, **kwargs), backend=backend)


def titles(backend, user, q, **kwargs):
    return [h.title for h in run(backend, user, q, **kwargs).hits]


@pytest.fixture
def language_corpus(backend, topic, closed_topic):
    threads = {
        "parts": thread(
            topic,
            "Sykmeldt under permittering",
            "Hvor lang er perioden når permittering avbrytes av sykdom?",
            days_ago=30,
        ),
        "compound": thread(
            topic, "Klagefristen er ute", "Bruker sendte klagen etter klagefristen.", days_ago=20
        ),
        "split": thread(
            topic,
            "Når løper fristen?",
            "Fristen for klage er seks uker etter vedtaket.",
            days_ago=10,
        ),
        "ref_short": thread(topic, "Opptjeningstid", "Vilkåret står i ftrl. § 8-2.", days_ago=5),
        "ref_long": thread(
            topic, "Fire uker", "Se § 8-2 i folketrygdloven om opptjening.", days_ago=4
        ),
        "ref_other": thread(topic, "Midlertidig", "Etter ftrl § 8-20 gjelder egne regler."),
        "nynorsk": thread(
            topic,
            "Sjukepengar til frilansar",
            "Kva gjeld for sjukepengane når arbeidsgjevaren betaler?",
        ),
        "phrase": thread(topic, "Omgjøring", "Vi fikk en klage på vedtaket i går.", days_ago=3),
        "apart": thread(
            topic,
            "Arbeidslister",
            "Vedtaket kom først. Senere kom en klage om noe annet.",
            days_ago=2,
        ),
        "secret": thread(
            closed_topic, "Hemmelig", "Omstillingsmidlene fordeles i januar.", days_ago=1
        ),
    }
    backend.rebuild(forum_search.documents())
    return threads


def test_compound_query_finds_its_parts_written_apart(backend, language_corpus, case_worker):
    assert "Sykmeldt under permittering" in titles(backend, case_worker, "permitteringsperioden")
    assert "Når løper fristen?" in titles(backend, case_worker, "klagefrist")


def test_parts_in_the_query_find_the_compound(backend, language_corpus, case_worker):
    found = titles(backend, case_worker, "klage frist")
    assert "Klagefristen er ute" in found and "Når løper fristen?" in found


@pytest.mark.parametrize(
    "written",
    ["ftrl. § 8-2", "folketrygdloven § 8-2", "ftrl 8-2", "ftrl.§8-2", "Folketrygdloven 8-2"],
)
def test_every_form_of_a_legal_reference_finds_both_spellings(
    backend, language_corpus, case_worker, written
):
    assert sorted(titles(backend, case_worker, written)) == ["Fire uker", "Opptjeningstid"]


def test_a_reference_is_not_confused_with_a_longer_section(backend, language_corpus, case_worker):
    assert titles(backend, case_worker, "ftrl § 8-20") == ["Midlertidig"]
    assert "Midlertidig" in titles(backend, case_worker, "ftrl kap. 8")


def test_nynorsk_and_bokmal_find_each_other(backend, language_corpus, case_worker):
    assert "Sjukepengar til frilansar" in titles(backend, case_worker, "sykepenger arbeidsgiver")
    found = titles(backend, case_worker, "sjukepengar")
    assert "Sjukepengar til frilansar" in found


def test_quoted_phrase_needs_the_words_together(backend, language_corpus, case_worker):
    assert titles(backend, case_worker, '"klage på vedtak"') == ["Omgjøring"]
    assert "Arbeidslister" in titles(backend, case_worker, "klage vedtak")


def test_misspelling_gets_a_suggestion_from_the_index(backend, language_corpus, case_worker):
    results = run(backend, case_worker, "sjukepengarr")
    assert results.total == 0
    assert results.did_you_mean == "sjukepengar"
    assert run(backend, case_worker, "klagefristn").did_you_mean == "klagefristen"


def test_suggestion_never_offers_a_closed_room_word(
    backend, language_corpus, case_worker, colleague, closed_room
):
    from guardian.shortcuts import assign_perm

    assert run(backend, case_worker, "omstilingsmidlene").did_you_mean is None
    assign_perm("view_room", colleague, closed_room)
    access.forget(colleague)
    assert run(backend, colleague, "omstilingsmidlene").did_you_mean == "omstillingsmidlene"


def test_sorting_by_date_both_ways(backend, language_corpus, case_worker):
    newest = titles(backend, case_worker, "klage", sort="newest")
    oldest = titles(backend, case_worker, "klage", sort="oldest")
    assert newest == list(reversed(oldest))
    assert newest[0] == "Arbeidslister"


def test_law_names_editors_add_match_their_abbreviation(backend, topic, case_worker):
    LawName.objects.create(abbreviation="finfl", names="finansforetaksloven\nfinansforetakslova")
    law_table.forget()
    thread(topic, "Bankene", "Etter finansforetaksloven § 13-1 skal styret ...")
    backend.rebuild(forum_search.documents())
    assert titles(backend, case_worker, "finfl. § 13-1") == ["Bankene"]
    law_table.forget()


def test_query_count_is_the_same_for_one_hit_and_many(
    backend, language_corpus, case_worker, django_assert_num_queries
):
    if backend.name != "database":
        pytest.skip("database backend only")
    run(backend, case_worker, "klage")  # warm: grants, law table
    access.forget(case_worker)
    access.principals_for(case_worker)
    with django_assert_num_queries(2):  # one statement for hits/total/facets, one for the page
        backend.search(SearchQuery("klage"), access.principals_for(case_worker))
    with django_assert_num_queries(2):
        backend.search(SearchQuery("opptjening ftrl 8-2"), access.principals_for(case_worker))
    with django_assert_num_queries(3):  # nothing found: + vocabulary, + the correction's check
        backend.search(SearchQuery("sjukepengarr"), access.principals_for(case_worker))
