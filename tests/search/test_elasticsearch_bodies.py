"""The Elasticsearch mapping and request bodies, checked without a server."""

import datetime as dt

import pytest

from search.backends.elasticsearch import build_search, build_suggest, index_definition
from search.documents import SearchFilters, SearchQuery

pytestmark = pytest.mark.django_db  # the law table editors extend is read from the database


def test_mapping_analyses_norwegian_with_stemming_and_decompounding():
    body = index_definition("fagrom-search-1").to_dict()
    analysis = body["settings"]["analysis"]
    assert analysis["filter"]["fagrom_norwegian_stemmer"] == {
        "type": "stemmer",
        "language": "norwegian",
    }
    decompounder = analysis["filter"]["fagrom_norwegian_decompounder"]
    assert decompounder["type"] == "dictionary_decompounder"
    assert {"håndbok", "dagpenge"} <= set(decompounder["word_list"])
    compound = analysis["analyzer"]["fagrom_norwegian_compound"]
    assert compound["filter"].index("fagrom_norwegian_decompounder") < compound["filter"].index(
        "fagrom_norwegian_stemmer"
    )
    props = body["mappings"]["properties"]
    assert props["principals"] == {"type": "keyword"}
    assert props["title"]["analyzer"] == "fagrom_norwegian"
    assert props["title"]["fields"]["compound"] == {
        "type": "text",
        "analyzer": "fagrom_norwegian_compound",
        "search_analyzer": "fagrom_norwegian",
    }
    assert props["title"]["fields"]["suggest"]["type"] == "search_as_you_type"
    assert props["body"]["fields"]["compound"]["analyzer"] == "fagrom_norwegian_compound"
    assert props["extra"] == {"type": "object", "enabled": False}


def test_mapping_has_the_law_table_and_nynorsk_as_synonyms_and_the_shared_tokens():
    body = index_definition("fagrom-search-1").to_dict()
    analysis = body["settings"]["analysis"]
    synonyms = analysis["filter"]["fagrom_norwegian_synonyms"]
    assert synonyms["type"] == "synonym"
    assert "folketrygdloven => ftrl" in synonyms["synonyms"]
    assert "forvaltningsloven => fvl" in synonyms["synonyms"]
    assert "sjukepengar => sykepenger" in synonyms["synonyms"]
    chain = analysis["analyzer"]["fagrom_norwegian"]["filter"]
    assert chain.index("fagrom_norwegian_synonyms") < chain.index("fagrom_norwegian_stemmer")
    assert analysis["analyzer"]["fagrom_tokens"] == {"type": "custom", "tokenizer": "whitespace"}
    props = body["mappings"]["properties"]
    for field in ("terms", "title_terms", "lead_terms"):
        assert props[field]["analyzer"] == "fagrom_tokens"


def test_documents_carry_the_same_tokens_as_the_database_index():
    from search.backends.elasticsearch import source_of
    from search.documents import SearchDocument

    doc = SearchDocument(
        key="forum.thread:1",
        type="forum",
        title="Permitteringsperioden",
        body="Se folketrygdloven § 8-2 og klagefristen. Sjukepengane kjem seinare.",
        url="/forum/trad/1/",
        principals=frozenset({"all"}),
    )
    terms = source_of(doc).get("terms").split()
    assert {"ref_ftrl_8_2", "ref_8_2", "ref_ftrl_kap_8"} <= set(terms)
    assert {"permitteringsperiod", "permittering", "period"} <= set(terms)
    assert {"klagefrist", "klag", "frist", "sykepeng"} <= set(terms)


def test_search_filters_by_principals_inside_the_query_and_counts_facets():
    query = SearchQuery(
        "permitteringsperioden ftrl. § 8-2",
        SearchFilters(types=("forum",), room_ids=(3,), date_from=dt.date(2026, 1, 1)),
        page=2,
    )
    body = build_search(query, {"all", "room:3"}, "fagrom-search").to_dict()
    score = body["query"]["function_score"]
    assert score["functions"] == [{"field_value_factor": {"field": "boost", "missing": 1.0}}]
    bool_query = score["query"]["bool"]
    assert {"terms": {"principals": ["all", "room:3"]}} in bool_query["filter"]
    assert {"terms": {"type": ["forum"]}} in bool_query["filter"]
    assert {"terms": {"room_id": ["3"]}} in bool_query["filter"]
    # The reference in any spelling is one token; the compound is itself or its parts.
    assert {"bool": {"filter": [{"term": {"terms": "ref_ftrl_8_2"}}]}} in bool_query["filter"]
    assert {
        "bool": {
            "should": [
                {"bool": {"filter": [{"term": {"terms": "permitteringsperiod"}}]}},
                {
                    "bool": {
                        "filter": [
                            {"term": {"terms": "permittering"}},
                            {"term": {"terms": "period"}},
                        ]
                    }
                },
            ],
            "minimum_should_match": 1,
        }
    } in bool_query["filter"]
    assert set(body["aggs"]) == {"type", "topic", "room", "unit", "year"}
    assert body["aggs"]["room"] == {"terms": {"field": "room_id", "size": 50}}
    assert body["highlight"]["pre_tags"] == ["\x02"]
    assert body["track_total_hits"] is True
    assert (body["from"], body["size"]) == (20, 20)


def test_the_same_query_in_other_words_is_the_same_request():
    def filters(q):
        return build_search(SearchQuery(q), {"all"}, "i").to_dict()["query"]["function_score"][
            "query"
        ]["bool"]["filter"]

    assert filters("ftrl. § 8-2") == filters("folketrygdloven § 8-2") == filters("ftrl 8-2")
    assert filters("sjukepengar") == filters("sykepenger")


def test_sorting_by_date_replaces_the_score():
    newest = build_search(SearchQuery("vedtak", sort="newest"), {"all"}, "i").to_dict()
    oldest = build_search(SearchQuery("vedtak", sort="oldest"), {"all"}, "i").to_dict()
    relevance = build_search(SearchQuery("vedtak"), {"all"}, "i").to_dict()
    assert newest["sort"] == [{"date": {"order": "desc", "missing": "_last"}}]
    assert oldest["sort"] == [{"date": {"order": "asc", "missing": "_last"}}]
    assert relevance["sort"][0] == "_score"


def test_suggestions_are_filtered_by_principals():
    body = build_suggest("sykep", {"all"}, "fagrom-search", limit=5).to_dict()
    assert body["query"]["bool"]["filter"] == [{"terms": {"principals": ["all"]}}]
    assert body["query"]["bool"]["must"][0]["multi_match"]["type"] == "bool_prefix"
    assert body["size"] == 5


def test_every_document_type_goes_to_the_index_with_its_principals_and_boost():
    from search.backends.elasticsearch import source_of
    from search.documents import SearchDocument

    docs = [
        SearchDocument(
            key="handbook.page:7",
            type="handbook",
            title="Rutine",
            body="Tekst",
            url="/handbook/rutine/",
            principals=frozenset({"all"}),
            extra={"section": "Ytelser", "version": "1.0"},
        ),
        SearchDocument(
            key="archive.entry:3#public",
            type="archive",
            title="Varsling om *****",
            body="2026/1-1",
            url="/arkiv/offentlig-journal/#journalpost-3",
            principals=frozenset({"journal:public"}),
        ),
        SearchDocument(
            key="forum.thread:5",
            type="forum",
            title="Svar",
            body="Tekst",
            url="/forum/trad/5/",
            principals=frozenset({"room:2"}),
            boost=3.0,
        ),
    ]
    sources = [source_of(d) for d in docs]
    assert [(s["type"], s["principals"]) for s in sources] == [
        ("handbook", ["all"]),
        ("archive", ["journal:public"]),
        ("forum", ["room:2"]),
    ]
    assert sources[0]["extra"] == {"section": "Ytelser", "version": "1.0"}
    assert sources[2]["boost"] == 3.0
    body = build_search(SearchQuery("svar"), {"all"}, "fagrom-search").to_dict()
    assert '"field": "boost"' in str(body).replace("'", '"')


def test_did_you_mean_asks_the_phrase_suggester_confirmed_by_the_persons_principals():
    from search.backends.elasticsearch_spelling import build_did_you_mean

    body = build_did_you_mean("dagpeneger", {"room:3", "all"}, "fagrom-search").to_dict()
    assert body["size"] == 0  # only the suggestion, no hits
    phrase = body["suggest"]["did_you_mean"]["phrase"]
    assert body["suggest"]["did_you_mean"]["text"] == "dagpeneger"
    assert phrase["field"] == "body.words"  # words as written, not stems
    assert phrase["direct_generator"][0]["suggest_mode"] == "always"
    assert phrase["direct_generator"][0]["min_word_length"] == 4
    # Offered only if the corrected words find something this person may see.
    collate = phrase["collate"]
    assert collate["prune"] is False
    assert {"terms": {"principals": ["all", "room:3"]}} in collate["query"]["source"]["bool"][
        "filter"
    ]
    assert {"match": {"body.words": {"query": "{{suggestion}}", "operator": "and"}}} in collate[
        "query"
    ]["source"]["bool"]["filter"]


def test_did_you_mean_takes_the_first_confirmed_proposal_that_differs():
    from types import SimpleNamespace as NS

    from search.backends.elasticsearch_spelling import corrected_text

    def response(*texts):
        return NS(suggest={"did_you_mean": [NS(options=[NS(text=t) for t in texts])]})

    assert corrected_text(response("dagpenger"), "dagpeneger") == "dagpenger"
    assert corrected_text(response("dagpeneger", "dagpenger"), "Dagpeneger") == "dagpenger"
    assert corrected_text(response(), "dagpeneger") is None  # nothing the person may see


def test_mapping_keeps_the_words_as_written_for_did_you_mean():
    mapping = index_definition("fagrom-test").to_dict()["mappings"]["properties"]
    assert mapping["body"]["fields"]["words"] == {"type": "text", "analyzer": "standard"}
