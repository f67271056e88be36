"""The database backend (the default): our own tables, queried with the database's full-text search.

Shared here: writing documents and principals, filters, facets and paging.
Per vendor (``sqlite.py``, ``postgres.py``): how text matches and ranks, and
how snippets are cut. Every query keeps only documents that share a principal
with the person (a semi-join on the indexed principal table) *before* ranking,
counting or suggesting, so nothing invisible is ever counted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Set

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from .. import text
from ..documents import (
    TYPES,
    FacetCount,
    Hit,
    SearchDocument,
    SearchQuery,
    SearchResults,
    Suggestion,
)
from ..laws import current_table
from ..models import IndexedDocument, IndexedPrincipal, IndexedWord
from .base import MAX_BODY_CHARS, SearchBackend, batched
from .building import DocumentsAfter, current_build_id, run_build

DOC = IndexedDocument._meta.db_table
PRINCIPAL = IndexedPrincipal._meta.db_table
WORD = IndexedWord._meta.db_table
LEAD_CHARS = 600  # the start of the body that ranks: a thread's question, a page's intro
MIN_WORD = 4  # shorter words are not offered as corrections
TITLE_WEIGHT, LEAD_WEIGHT = 2, 1
# Matches ranked by title and boost; the best of them are re-ranked with the lead.
CANDIDATES = 200
ORDERS = {
    "relevance": "score DESC, date IS NULL, date DESC, id DESC",
    "newest": "date IS NULL, date DESC, id DESC",
    "oldest": "date IS NULL, date ASC, id ASC",
}


class DatabaseBackend(SearchBackend):
    name = "database"

    # -- writing ---------------------------------------------------------------------

    def index(self, docs: Iterable[SearchDocument]) -> int:
        written = 0
        build = current_build_id()
        for batch in batched(docs):
            with transaction.atomic():
                self._delete_keys([d.key for d in batch])
                written += self._insert(batch, build=build)
        return written

    def delete(self, keys: Iterable[str]) -> None:
        for batch in batched(keys):
            with transaction.atomic():
                self._delete_keys(batch, variants=True)

    def replace(self, object_keys: list[str], docs: Iterable[SearchDocument]) -> int:
        with transaction.atomic():
            self._delete_keys(object_keys, variants=True)
            return self.index(docs)

    def rebuild(
        self, docs: Iterable[SearchDocument], progress: Callable[[int], None] | None = None
    ) -> int:
        return run_build(self, lambda position: docs, progress=progress)

    def rebuild_from(
        self,
        documents_after: DocumentsAfter,
        progress: Callable[[int], None] | None = None,
        resume: bool = False,
    ) -> int:
        """A rebuild in committed batches that ``resume`` continues (``building.py``)."""
        return run_build(self, documents_after, progress=progress, resume=resume)

    def keys(self, source: str) -> set[str]:
        return set(
            IndexedDocument.objects.filter(key__startswith=source + ":").values_list(
                "key", flat=True
            )
        )

    def _insert(
        self,
        batch: list[SearchDocument],
        vocabulary: Counter | None = None,
        build: int | None = None,
    ) -> int:
        laws = current_table()
        rows, words = [], Counter()
        for d in batch:
            title, body = text.clean(d.title), text.clean(d.body)[:MAX_BODY_CHARS]
            seen: set[str] = set()
            title_terms = text.index_tokens(title, laws, vocabulary=seen)
            body_terms = text.index_tokens(body, laws, vocabulary=seen)
            lead = text.index_tokens(f"{title}\n{body[:LEAD_CHARS]}", laws)
            year = timezone.localtime(d.date).year if d.date else None
            words.update(w for w in seen if MIN_WORD <= len(w) <= 60 and w.isalpha())
            rows.append(
                IndexedDocument(
                    key=d.key,
                    type=d.type,
                    title=title,
                    body=body,
                    url=d.url,
                    date=d.date,
                    year=year,
                    build=build,
                    room_id=d.room_id,
                    topic_id=d.topic_id,
                    unit_id=d.unit_id,
                    boost=d.boost,
                    extra=d.extra,
                    terms=" ".join(dict.fromkeys([*title_terms, *body_terms])),
                    title_terms=" ".join(title_terms),
                    lead_terms=" ".join(lead),
                    access_terms=" ".join(access_lexeme(p) for p in sorted(d.principals)),
                )
            )
        rows = IndexedDocument.objects.bulk_create(rows)
        IndexedPrincipal.objects.bulk_create(
            [
                IndexedPrincipal(document_id=row.pk, principal=p)
                for row, d in zip(rows, batch, strict=True)
                for p in sorted(d.principals)
            ]
        )
        if vocabulary is not None:
            vocabulary.update(words)
        elif words:
            # Incremental: new words join the vocabulary; counts are kept by rebuilds.
            IndexedWord.objects.bulk_create(
                [IndexedWord(word=w, documents=n) for w, n in words.items()],
                ignore_conflicts=True,
            )
        return len(rows)

    def _delete_keys(self, keys: list[str], variants: bool = False) -> None:
        if not keys:
            return
        condition = Q(key__in=keys)
        if variants:
            for key in keys:
                condition |= Q(key__startswith=key + "#")
        ids = list(IndexedDocument.objects.filter(condition).values_list("id", flat=True))
        if not ids:
            return
        # Raw deletes: no cascade collection in Python for what is only index data.
        IndexedPrincipal.objects.filter(document_id__in=ids)._raw_delete(connection.alias)
        IndexedDocument.objects.filter(id__in=ids)._raw_delete(connection.alias)

    def _after_rebuild(self) -> None:
        pass

    # -- reading ---------------------------------------------------------------------

    def search(self, query: SearchQuery, principals: Set[str]) -> SearchResults:
        """Hits, total and facets from one statement over one match pass, then the page's
        documents: two statements (three more only for "Mente du …?" when nothing is found)."""
        laws = current_table()
        parsed = text.parse(query.text, laws)
        empty = SearchResults(hits=[], total=0, facets={}, query=query)
        if not principals or (parsed.is_empty and query.filters.is_empty):
            return empty
        where, params = self._where(query, principals)
        page, total, facets = self._run(parsed, query, where, params)
        if not total:
            suggestion = self._did_you_mean(parsed, where, params)
            return SearchResults(
                hits=[], total=0, facets=facets, query=query, did_you_mean=suggestion
            )
        hits = self._hits(parsed, page, laws)
        return SearchResults(hits=hits, total=total, facets=facets, query=query)

    def _run(self, parsed, query: SearchQuery, where: str, params: list):
        match_sql, match_params = ("", [])
        score_sql, score_params = "d.boost", []
        lead_sql, lead_params = "0", []
        sort = "newest" if parsed.is_empty and query.sort == "relevance" else query.sort
        if not parsed.is_empty:
            match_sql, match_params = self._match_condition(parsed.groups)
            match_sql = f"AND {match_sql}"
        if not parsed.is_empty and sort == "relevance":
            # Ranking in two steps: the title (a tiny vector) for every match, the lead
            # (the question, a larger one) only for the best CANDIDATES of those.
            score_sql, score_params = self._score(parsed.groups, "title_terms", TITLE_WEIGHT)
            score_sql = f"d.boost * (1 + {score_sql})"
            lead_sql, lead_params = self._score(parsed.groups, "lead_terms", LEAD_WEIGHT)
            lead_sql = f"d.boost * ({lead_sql})"
        order = ORDERS.get(sort, ORDERS["relevance"])
        candidates = max(CANDIDATES, query.offset + query.per_page)
        groups = [
            ("type", "m.type"),
            ("topic", "m.topic_id"),
            ("room", "m.room_id"),
            ("unit", "m.unit_id"),
            ("year", "m.year"),
        ]
        conditions = self._facet_conditions(query)

        def where_others(skip=None):
            clauses = [c for name, c in conditions.items() if name != skip]
            return "WHERE " + (" AND ".join(clauses) if clauses else "1 = 1")

        # One match pass (m), counted once into its facet combinations (g: a few
        # thousand rows for 10 000 matches); the total and every facet sum g. A facet
        # counts the matches that every *other* facet's choice allows, so ticking
        # "Forum" leaves "Håndbok" and "Arkiv" there to tick as well; the year facet
        # and the total count what every choice allows.
        facet_sql = " UNION ALL ".join(
            f"SELECT '{name}', CAST({expr} AS TEXT), SUM(m.n), 0 FROM g m "
            f"{where_others(None if name == 'year' else name)} AND {expr} IS NOT NULL "
            f"GROUP BY {expr}"
            for name, expr in groups
        )
        sql = (
            f"WITH m AS MATERIALIZED (SELECT d.id, d.type, d.topic_id, d.room_id, d.unit_id, "
            f"d.year, d.date, {score_sql} AS score FROM {self._match_source()} "
            f"WHERE {where} {match_sql}), "
            f"g AS (SELECT m.type, m.topic_id, m.room_id, m.unit_id, m.year, COUNT(*) AS n "
            f"FROM m GROUP BY m.type, m.topic_id, m.room_id, m.unit_id, m.year), "
            f"c AS (SELECT * FROM m {where_others()} ORDER BY {order} LIMIT {int(candidates)}), "
            f"r AS (SELECT c.id, c.date, c.score + {lead_sql} AS score FROM c "
            f"JOIN {DOC} d ON d.id = c.id), "
            f"p AS (SELECT id, score, ROW_NUMBER() OVER (ORDER BY {order}) AS n FROM r "
            f"ORDER BY {order} LIMIT %s OFFSET %s) "
            f"SELECT 'hit', CAST(id AS TEXT), score, n FROM p "
            f"UNION ALL SELECT 'total', '', COALESCE(SUM(m.n), 0), 0 FROM g m {where_others()} "
            f"UNION ALL {facet_sql}"
        )
        all_params = [
            *score_params,
            *params,
            *match_params,
            *lead_params,
            query.per_page,
            query.offset,
        ]
        facets: dict[str, list[FacetCount]] = {name: [] for name, _ in groups}
        page: list[tuple[int, float, int]] = []
        total = 0
        with connection.cursor() as cursor:
            for name, value, number, position in self._matched_rows(cursor, sql, all_params):
                if name == "hit":
                    page.append((int(value), float(number or 0), position))
                elif name == "total":
                    total = int(number)
                else:
                    facets[name].append(FacetCount(value=str(value), count=int(number)))
        page.sort(key=lambda row: row[2])
        for name, values in facets.items():
            if name == "year":
                values.sort(key=lambda f: f.value, reverse=True)
            else:
                values.sort(key=lambda f: (-f.count, f.value))
        return page, total, facets

    def _score(self, groups, column: str, weight: int) -> tuple[str, list]:
        parts, params = [], []
        for group in groups:
            sql, group_params = self._group_in(group, column)
            parts.append(f"{weight} * CAST({sql} AS INTEGER)")
            params += group_params
        return " + ".join(parts), params

    def _hits(self, parsed, page, laws) -> list[Hit]:
        docs = IndexedDocument.objects.defer("terms", "title_terms", "lead_terms").in_bulk(
            [doc_id for doc_id, _, _ in page]
        )
        patterns = text.highlight_patterns(parsed, laws)
        return [
            self._hit(
                docs[doc_id],
                score,
                title_html=text.marked_to_html(text.mark(docs[doc_id].title, patterns)),
                snippet=text.marked_to_html(self._snippet(docs[doc_id], patterns)),
            )
            for doc_id, score, _ in page
            if doc_id in docs
        ]

    def _snippet(self, doc: IndexedDocument, patterns) -> str:
        return text.snippet(doc.body, patterns)

    def _did_you_mean(self, parsed, where: str, params: list) -> str | None:
        """A corrected query from the vocabulary, offered only if it finds something
        this person may see (so closed rooms' words never show)."""
        if not parsed.terms:
            return None
        words = parsed.terms
        wanted = [w for w in words if len(w) >= MIN_WORD and w.isalpha()]
        if not wanted:
            return None
        clauses, word_params = [], []
        for w in wanted:
            prefix = w[:2]
            clauses.append("(word >= %s AND word < %s AND LENGTH(word) BETWEEN %s AND %s)")
            word_params += [prefix, prefix + "\uffff", len(w) - 2, len(w) + 2]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT word, documents FROM {WORD} WHERE {' OR '.join(clauses)}", word_params
            )
            candidates = cursor.fetchall()
        corrected = parsed.text
        changed = False
        for w in wanted:
            near = [(c, n) for c, n in candidates if c[:2] == w[:2]]
            best = text.closest(w, near)
            if best:
                corrected = text.with_term_replaced(parsed, w, best)
                changed = True
        if not changed:
            return None
        fixed = text.parse(corrected, current_table())
        match_sql, match_params = self._match_condition(fixed.groups)
        with connection.cursor() as cursor:
            found = self._matched_rows(
                cursor,
                f"SELECT 1 FROM {DOC} d WHERE {where} AND {match_sql} LIMIT 1",
                [*params, *match_params],
            )
            return corrected if found else None

    def _facet_conditions(self, query: SearchQuery) -> dict[str, str]:
        """The facet filters as SQL on ``m``, one per facet, values written inline
        (each is used in several places of one statement): ids are integers and types
        one of ``TYPES`` by construction, so nothing typed reaches the SQL."""
        f = query.filters
        conditions = {}
        types = [t for t in f.types if t in TYPES]
        if f.types:
            conditions["type"] = (
                f"m.type IN ({', '.join(repr(t) for t in types)})" if types else "1 = 0"
            )
        for name, column, values in (
            ("topic", "topic_id", f.topic_ids),
            ("room", "room_id", f.room_ids),
            ("unit", "unit_id", f.unit_ids),
        ):
            if values:
                conditions[name] = f"m.{column} IN ({', '.join(str(int(v)) for v in values)})"
        return conditions

    def _where(self, query: SearchQuery, principals: Set[str]) -> tuple[str, list]:
        """Access and dates, as SQL on ``d`` (the document table). Facet values are
        applied after the match (``_facet_conditions``) so each facet can count the
        values beside the chosen ones."""
        access_sql, access_params = self._access_condition(sorted(principals))
        clauses = [access_sql]
        params: list = list(access_params)
        f = query.filters
        if f.date_from:
            clauses.append("d.date >= %s")
            params.append(self._datetime_param(_start_of(f.date_from)))
        if f.date_to:
            clauses.append("d.date < %s")
            params.append(self._datetime_param(_start_of(f.date_to + dt.timedelta(days=1))))
        return " AND ".join(clauses), params

    def _access_condition(self, principals: list[str]) -> tuple[str, list]:
        """Documents sharing a principal with the person: a semi-join on the principal table."""
        placeholders = ", ".join(["%s"] * len(principals))
        return (
            f"d.id IN (SELECT p.document_id FROM {PRINCIPAL} p "
            f"WHERE p.principal IN ({placeholders}))",
            principals,
        )

    def _datetime_param(self, value: dt.datetime):
        return connection.ops.adapt_datetimefield_value(value)

    def _hit(self, doc: IndexedDocument, score: float, title_html: str, snippet: str) -> Hit:
        return Hit(
            key=doc.key,
            type=doc.type,
            title=doc.title,
            url=doc.url,
            snippet=snippet,
            title_html=title_html,
            score=float(score or 0),
            date=doc.date,
            room_id=doc.room_id,
            topic_id=doc.topic_id,
            unit_id=doc.unit_id,
            extra=doc.extra,
        )

    # Vendor parts ---------------------------------------------------------------------

    def _match_source(self) -> str:
        """The document table as the match pass reads it (columns of search_doc_facets_idx)."""
        return f"{DOC} d"

    def _matched_rows(self, cursor, sql: str, params: list) -> list[tuple]:
        """Run a statement that matches text; the rows it returns."""
        cursor.execute(sql, params)
        return cursor.fetchall()

    def _match_condition(self, groups) -> tuple[str, list]:
        """A condition on ``d`` that every group matches ``terms``, from the index."""
        raise NotImplementedError

    def _group_in(self, group, column: str) -> tuple[str, list]:
        """A boolean SQL expression: one group matches ``column`` (title or lead)."""
        raise NotImplementedError

    def _suggest_condition(self, tokens) -> tuple[str, list]:
        raise NotImplementedError

    def _suggest_order(self, tokens) -> tuple[str, list]:
        return "", []

    def suggest(self, prefix: str, principals: Set[str], limit: int = 8) -> list[Suggestion]:
        tokens = text.words(text.clean(prefix))[:6]
        if not principals or not tokens or len("".join(tokens)) < 2:
            return []
        principals = sorted(principals)
        condition, params = self._suggest_condition(tokens)
        order, order_params = self._suggest_order(tokens)
        sql = (
            f"SELECT d.title, d.url, d.type FROM {DOC} d "
            f"WHERE d.id IN (SELECT p.document_id FROM {PRINCIPAL} p "
            f"WHERE p.principal IN ({', '.join(['%s'] * len(principals))})) AND {condition} "
            f"ORDER BY {order}d.boost DESC, d.date IS NULL, d.date DESC, d.id DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*principals, *params, *order_params, limit])
            return [Suggestion(title=t, url=u, type=ty) for t, u, ty in cursor.fetchall()]


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def access_lexeme(principal: str) -> str:
    """A principal as a lexeme of ``access_terms``: ``@`` never starts a text token
    (tokens are ``\\w+``), and a principal never holds whitespace, so it stays one."""
    return "@" + "".join(principal.split())


def fts_quote(token: str) -> str:
    """A token as an FTS5 string (tokens come from ``\\w+`` but quote anyway)."""
    return '"' + token.replace('"', '""') + '"'
