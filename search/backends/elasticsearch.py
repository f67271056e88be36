"""Elasticsearch (``ELASTICSEARCH_URL``): elasticsearch-dsl mappings, bulk indexing, aliases.

* Matching is the database backends' own: ``terms``, ``title_terms`` and
  ``lead_terms`` hold the tokens of ``search.text.index_tokens`` (stems, compound
  parts, word pairs, legal references), split on white space only, and a query
  is the same groups of ``term`` queries the databases run. So all backends find
  the same documents for the same words.
* ``title``/``body`` keep a Norwegian analysis chain for highlighting: lowercase,
  nynorsk → bokmål and law-name synonyms (``folketrygdloven`` → ``ftrl``, from the
  same tables), a ``dictionary_decompounder`` over ``search/data/compound_parts_nb.txt``
  in the ``.compound`` sub-field, Norwegian stopwords and the Snowball stemmer.
* Every full reindex builds a new index ``<alias>-<timestamp>`` and then moves the
  alias in one atomic ``update_aliases``; searches and incremental writes go
  through the alias, so a reindex never takes search down.
* Access: ``principals`` is a ``keyword`` field matched in the ``bool.filter`` of
  every query, suggestion and aggregation, so nothing invisible is scored or counted.

The query bodies are built by pure functions (``build_search``, ``build_suggest``)
so tests check them without a server.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Set
from pathlib import Path

from django.utils import timezone
from elasticsearch import Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import (
    Date,
    Document,
    Float,
    Index,
    Keyword,
    Object,
    Q,
    Search,
    SearchAsYouType,
    Text,
    analyzer,
    token_filter,
)

from .. import text
from ..documents import (
    FACETS,
    FacetCount,
    Hit,
    SearchDocument,
    SearchQuery,
    SearchResults,
    Suggestion,
)
from ..laws import current_table
from .base import MAX_BODY_CHARS, SearchBackend, batched
from .elasticsearch_spelling import build_did_you_mean, corrected_text

LEAD_CHARS = 600  # as the database backends

DEFAULT_ALIAS = "fagrom-search"
COMPOUND_PARTS_FILE = Path(__file__).resolve().parent.parent / "data" / "compound_parts_nb.txt"


@functools.cache
def compound_parts() -> tuple[str, ...]:
    lines = COMPOUND_PARTS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def synonym_rules(laws: text.LawTable | None = None) -> list[str]:
    """Solr-format rules: every law name → its abbreviation, every nynorsk word → bokmål."""
    laws = laws or text.default_table()
    rules = [
        f"{alias.replace(' ', '_')} => {law}"
        for alias, law in sorted(laws.alias_to_law.items())
        if alias != law and " " not in alias and "-" not in alias
    ]
    rules += [f"{nn} => {nb}" for nn, nb in sorted(text.NYNORSK_TO_BOKMAL.items()) if nn != nb]
    return rules


norwegian_stop = token_filter("fagrom_norwegian_stop", "stop", stopwords="_norwegian_")
norwegian_stemmer = token_filter("fagrom_norwegian_stemmer", "stemmer", language="norwegian")
norwegian_synonyms = token_filter(
    "fagrom_norwegian_synonyms", "synonym", synonyms=synonym_rules(), lenient=True
)
norwegian = analyzer(
    "fagrom_norwegian",
    tokenizer="standard",
    filter=["lowercase", norwegian_synonyms, norwegian_stop, norwegian_stemmer],
)
tokens = analyzer("fagrom_tokens", tokenizer="whitespace")


def compound_analyzer():
    decompounder = token_filter(
        "fagrom_norwegian_decompounder",
        "dictionary_decompounder",
        word_list=list(compound_parts()),
        min_subword_size=3,
        only_longest_match=False,
    )
    return analyzer(
        "fagrom_norwegian_compound",
        tokenizer="standard",
        filter=["lowercase", norwegian_synonyms, decompounder, norwegian_stop, norwegian_stemmer],
    )


class SearchEntry(Document):
    """The mapping of one indexed document (``SearchDocument`` as Elasticsearch stores it)."""

    key = Keyword()
    type = Keyword()
    title = Text(
        analyzer=norwegian,
        fields={
            "compound": Text(analyzer=compound_analyzer(), search_analyzer=norwegian),
            "suggest": SearchAsYouType(),
            "words": Text(analyzer="standard"),
        },
    )
    body = Text(
        analyzer=norwegian,
        fields={
            "compound": Text(analyzer=compound_analyzer(), search_analyzer=norwegian),
            # Words as written: what "Mente du …?" proposes (elasticsearch_spelling.py).
            "words": Text(analyzer="standard"),
        },
    )
    terms = Text(analyzer=tokens, norms=False, index_options="docs")
    title_terms = Text(analyzer=tokens, norms=False, index_options="docs")
    lead_terms = Text(analyzer=tokens, norms=False, index_options="docs")
    url = Keyword(index=False)
    date = Date()
    room_id = Keyword()
    topic_id = Keyword()
    unit_id = Keyword()
    boost = Float()
    principals = Keyword()
    extra = Object(enabled=False)


def index_definition(name: str) -> Index:
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.document(SearchEntry)
    return index


def source_of(doc: SearchDocument, laws: text.LawTable | None = None) -> dict:
    laws = laws or current_table()
    title, body = text.clean(doc.title), text.clean(doc.body)[:MAX_BODY_CHARS]
    title_terms = text.index_tokens(title, laws)
    return {
        "key": doc.key,
        "type": doc.type,
        "title": title,
        "body": body,
        "terms": " ".join(dict.fromkeys([*title_terms, *text.index_tokens(body, laws)])),
        "title_terms": " ".join(title_terms),
        "lead_terms": " ".join(text.index_tokens(f"{title}\n{body[:LEAD_CHARS]}", laws)),
        "url": doc.url,
        "date": doc.date.isoformat() if doc.date else None,
        "room_id": str(doc.room_id) if doc.room_id is not None else None,
        "topic_id": str(doc.topic_id) if doc.topic_id is not None else None,
        "unit_id": str(doc.unit_id) if doc.unit_id is not None else None,
        "boost": doc.boost,
        "principals": sorted(doc.principals),
        "extra": doc.extra,
    }


def _filters(query: SearchQuery, principals: Set[str]) -> list:
    f = query.filters
    filters = [Q("terms", principals=sorted(principals))]
    for field, values in (
        ("type", f.types),
        ("topic_id", f.topic_ids),
        ("room_id", f.room_ids),
        ("unit_id", f.unit_ids),
    ):
        if values:
            filters.append(Q("terms", **{field: [str(v) for v in values]}))
    if f.date_from or f.date_to:
        bounds = {"time_zone": "Europe/Oslo"}
        if f.date_from:
            bounds["gte"] = f.date_from.isoformat()
        if f.date_to:
            bounds["lte"] = f.date_to.isoformat() + "||/d"
        filters.append(Q("range", date=bounds))
    return filters


def group_query(group, field: str) -> Q:
    """One group (alternatives of tokens that must all occur) as term queries."""
    alternatives = [
        Q("bool", filter=[Q("term", **{field: token}) for token in alt]) for alt in group
    ]
    return (
        alternatives[0]
        if len(alternatives) == 1
        else Q("bool", should=alternatives, minimum_should_match=1)
    )


def build_search(query: SearchQuery, principals: Set[str], index: str, laws=None) -> Search:
    """The request for one results page: hits, highlights, total and facets.

    Matching and ranking mirror the database backends: every group must match
    ``terms``; each group found in the title adds 2, in the lead 1; times the boost.
    """
    laws = laws or current_table()
    parsed = text.parse(query.text, laws)
    must = [group_query(g, "terms") for g in parsed.groups]
    should = [
        Q("constant_score", filter=group_query(g, field), boost=weight)
        for g in parsed.groups
        for field, weight in (("title_terms", 2.0), ("lead_terms", 1.0))
    ]
    bool_query = Q(
        "bool",
        filter=[*must, *_filters(query, principals)],
        should=should + [Q("constant_score", filter=Q("match_all"), boost=1.0)],
    )
    search = Search(index=index).query(
        Q(
            "function_score",
            query=bool_query,
            field_value_factor={"field": "boost", "missing": 1.0},
            boost_mode="multiply",
        )
    )
    newest = {"date": {"order": "desc", "missing": "_last"}}
    oldest = {"date": {"order": "asc", "missing": "_last"}}
    if query.sort == "newest" or (not must and query.sort == "relevance"):
        search = search.sort(newest)
    elif query.sort == "oldest":
        search = search.sort(oldest)
    else:
        search = search.sort("_score", newest)
    if must:
        words = " ".join([*parsed.terms, *(" ".join(p) for p in parsed.phrases)])
        highlight_query = Q(
            "multi_match",
            query=words or query.text,
            fields=["title", "body", "title.compound", "body.compound"],
        )
        search = (
            search.highlight_options(
                pre_tags=[text.MARK_START],
                post_tags=[text.MARK_END],
                fragment_size=120,
                number_of_fragments=2,
                no_match_size=200,
                highlight_query=highlight_query.to_dict(),
            )
            .highlight("title", "title.compound", number_of_fragments=0)
            .highlight("body", "body.compound")
        )
    for name, field in (
        ("type", "type"),
        ("topic", "topic_id"),
        ("room", "room_id"),
        ("unit", "unit_id"),
    ):
        search.aggs.bucket(name, "terms", field=field, size=50)
    search.aggs.bucket(
        "year",
        "date_histogram",
        field="date",
        calendar_interval="year",
        format="yyyy",
        time_zone="Europe/Oslo",
        min_doc_count=1,
    )
    search = search.source(excludes=["body", "terms", "title_terms", "lead_terms"]).extra(
        track_total_hits=True
    )
    return search[query.offset : query.offset + query.per_page]


def build_suggest(prefix: str, principals: Set[str], index: str, limit: int = 8) -> Search:
    q = Q(
        "bool",
        must=[
            Q(
                "multi_match",
                query=prefix,
                type="bool_prefix",
                fields=["title.suggest", "title.suggest._2gram", "title.suggest._3gram"],
                operator="and",
            )
        ],
        filter=[Q("terms", principals=sorted(principals))],
    )
    return Search(index=index).query(q).source(["title", "url", "type"])[:limit]


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url: str, alias: str = DEFAULT_ALIAS):
        self.url = url
        self.alias = alias
        self.refresh_after_write = False  # tests set it; production relies on the refresh interval

    @functools.cached_property
    def client(self) -> Elasticsearch:
        return Elasticsearch(self.url, request_timeout=30)

    # -- writing ---------------------------------------------------------------------

    def _new_index(self) -> str:
        name = f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"
        index_definition(name).create(using=self.client)
        return name

    def _ensure_alias(self) -> None:
        if not self.client.indices.exists_alias(name=self.alias):
            name = self._new_index()
            self.client.indices.put_alias(index=name, name=self.alias)

    def _bulk(self, actions, target: str) -> int:
        ok, _ = helpers.bulk(self.client, actions, refresh=self.refresh_after_write, chunk_size=500)
        return ok

    def index(self, docs: Iterable[SearchDocument]) -> int:
        self._ensure_alias()
        actions = (
            {"_op_type": "index", "_index": self.alias, "_id": d.key, "_source": source_of(d)}
            for d in docs
        )
        return self._bulk(actions, self.alias)

    def delete(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        if not keys or not self.client.indices.exists_alias(name=self.alias):
            return
        for batch in batched(keys):
            query = Q(
                "bool",
                should=[Q("terms", key=batch)] + [Q("prefix", key=f"{k}#") for k in batch],
                minimum_should_match=1,
            )
            self.client.delete_by_query(
                index=self.alias,
                query=query.to_dict(),
                refresh=self.refresh_after_write,
                conflicts="proceed",
            )

    def rebuild(
        self, docs: Iterable[SearchDocument], progress: Callable[[int], None] | None = None
    ) -> int:
        name = self._new_index()
        written = 0
        for batch in batched(docs):
            actions = [
                {"_op_type": "index", "_index": name, "_id": d.key, "_source": source_of(d)}
                for d in batch
            ]
            written += self._bulk(actions, name)
            if progress:
                progress(len(batch))
        self.client.indices.refresh(index=name)
        old = self._indices_behind_alias()
        actions = [{"remove": {"index": i, "alias": self.alias}} for i in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for index in old:
            self.client.indices.delete(index=index, ignore_unavailable=True)
        return written

    def _indices_behind_alias(self) -> list[str]:
        try:
            return list(self.client.indices.get_alias(name=self.alias))
        except NotFoundError:
            return []

    def drop(self) -> None:
        for index in self._indices_behind_alias():
            self.client.indices.delete(index=index, ignore_unavailable=True)

    def keys(self, source: str) -> set[str]:
        search = (
            Search(using=self.client, index=self.alias)
            .query(Q("prefix", key=source + ":"))
            .source(["key"])
        )
        return {hit.key for hit in search.scan()}

    # -- reading ---------------------------------------------------------------------

    def search(self, query: SearchQuery, principals: Set[str]) -> SearchResults:
        laws = current_table()
        parsed = text.parse(query.text, laws)
        if not principals or (parsed.is_empty and query.filters.is_empty):
            return SearchResults(hits=[], total=0, facets={}, query=query)
        self._ensure_alias()
        response = build_search(query, principals, self.alias, laws).using(self.client).execute()
        if not response.hits.total.value and parsed.terms:
            return SearchResults(
                hits=[],
                total=0,
                facets=self._facets(response),
                query=query,
                did_you_mean=self._did_you_mean(query.text, principals),
            )
        patterns = text.highlight_patterns(parsed, laws)
        hits = []
        for hit in response.hits:
            highlight = getattr(hit.meta, "highlight", None)
            hl = highlight.to_dict() if highlight else {}
            title = (hl.get("title") or hl.get("title.compound") or [None])[0]
            body = " … ".join(hl.get("body") or hl.get("body.compound") or [])
            hits.append(
                Hit(
                    key=hit.key,
                    type=hit.type,
                    title=hit.title,
                    url=hit.url,
                    title_html=text.marked_to_html(title or text.mark(hit.title, patterns)),
                    snippet=text.marked_to_html(" ".join(body.split())),
                    score=float(hit.meta.score or 0),
                    date=_parse_date(getattr(hit, "date", None)),
                    room_id=_int(getattr(hit, "room_id", None)),
                    topic_id=_int(getattr(hit, "topic_id", None)),
                    unit_id=_int(getattr(hit, "unit_id", None)),
                    extra=getattr(hit, "extra", None) and hit.extra.to_dict() or {},
                )
            )
        return SearchResults(
            hits=hits, total=response.hits.total.value, facets=self._facets(response), query=query
        )

    def _facets(self, response) -> dict[str, list[FacetCount]]:
        facets = {}
        for name in FACETS:
            buckets = response.aggregations[name].buckets
            facets[name] = [
                FacetCount(value=str(getattr(b, "key_as_string", None) or b.key), count=b.doc_count)
                for b in buckets
            ]
        facets["year"].sort(key=lambda f: f.value, reverse=True)
        return facets

    def _did_you_mean(self, query_text: str, principals: Set[str]) -> str | None:
        """One more request, only when nothing was found (elasticsearch_spelling.py)."""
        request = build_did_you_mean(query_text, principals, self.alias)
        return corrected_text(request.using(self.client).execute(), query_text)

    def suggest(self, prefix: str, principals: Set[str], limit: int = 8) -> list[Suggestion]:
        prefix = " ".join(text.words(text.clean(prefix))[:6])
        if not principals or len(prefix.replace(" ", "")) < 2:
            return []
        self._ensure_alias()
        response = build_suggest(prefix, principals, self.alias, limit).using(self.client).execute()
        return [Suggestion(title=h.title, url=h.url, type=h.type) for h in response.hits]


def _int(value):
    return int(value) if value not in (None, "") else None


def _parse_date(value):
    if value is None or hasattr(value, "tzinfo"):
        return value
    from django.utils.dateparse import parse_datetime

    return parse_datetime(value)
