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

DOC = IndexedDocument._meta.db_table
PRINCIPAL = IndexedPrincipal._meta.db_table
WORD = IndexedWord._meta.db_table
LEAD_CHARS = 600  # the start of the body that ranks: a thread's question, a page's intro
MIN_WORD = 4  # shorter words are not offered as corrections
TITLE_WEIGHT, LEAD_WEIGHT = 2, 1
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
        for batch in batched(docs):
            with transaction.atomic():
                self._delete_keys([d.key for d in batch])
                written += self._insert(batch)
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
        # One transaction: searches read the old index until the new one commits.
        written = 0
        vocabulary: Counter[str] = Counter()
        with transaction.atomic():
            self._delete_all()
            IndexedWord.objects.all()._raw_delete(connection.alias)
            for batch in batched(docs):
                written += self._insert(batch, vocabulary=vocabulary)
                if progress:
                    progress(len(batch))
            IndexedWord.objects.bulk_create(
                [IndexedWord(word=w, documents=n) for w, n in vocabulary.items()],
                batch_size=5000,
            )
            self._after_rebuild()
        return written

    def keys(self, source: str) -> set[str]:
        return set(
            IndexedDocument.objects.filter(key__startswith=source + ":").values_list(
                "key", flat=True
            )
        )

    def _insert(self, batch: list[SearchDocument], vocabulary: Counter | None = None) -> int:
        laws = current_table()
        rows, words = [], Counter()
        for d in batch:
            title, body = text.clean(d.title), text.clean(d.body)[:MAX_BODY_CHARS]
            seen: set[str] = set()
            title_terms = text.index_tokens(title, laws, vocabulary=seen)
            body_terms = text.index_tokens(body, laws, vocabulary=seen)
            lead = text.index_tokens(f"{title}\n{body[:LEAD_CHARS]}", laws)
            words.update(w for w in seen if MIN_WORD <= len(w) <= 60 and w.isalpha())
            rows.append(
                IndexedDocument(
                    key=d.key,
                    type=d.type,
                    title=title,
                    body=body,
                    url=d.url,
                    date=d.date,
                    room_id=d.room_id,
                    topic_id=d.topic_id,
                    unit_id=d.unit_id,
                    boost=d.boost,
                    extra=d.extra,
                    terms=" ".join(dict.fromkeys([*title_terms, *body_terms])),
                    title_terms=" ".join(title_terms),
                    lead_terms=" ".join(lead),
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

    def _delete_all(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {PRINCIPAL}")  # noqa: S608
            cursor.execute(f"DELETE FROM {DOC}")

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
        page, facets = self._run(parsed, query, where, params)
        total = sum(f.count for f in facets.get("type", []))
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
        if not parsed.is_empty:
            match_sql, match_params = self._match_condition(parsed.groups)
            match_sql = f"AND {match_sql}"
            parts = []
            for group in parsed.groups:
                for column, weight in (("title_terms", TITLE_WEIGHT), ("lead_terms", LEAD_WEIGHT)):
                    sql, group_params = self._group_in(group, column)
                    parts.append(f"{weight} * CAST({sql} AS INTEGER)")
                    score_params += group_params
            score_sql = f"d.boost * (1 + {' + '.join(parts)})"
        sort = "newest" if parsed.is_empty and query.sort == "relevance" else query.sort
        order = ORDERS.get(sort, ORDERS["relevance"])
        year = self._year_sql("m.date")
        groups = [
            ("type", "m.type"),
            ("topic", "m.topic_id"),
            ("room", "m.room_id"),
            ("unit", "m.unit_id"),
            ("year", year),
        ]
        facet_sql = " UNION ALL ".join(
            f"SELECT '{name}', CAST({expr} AS TEXT), COUNT(*), 0 FROM m "
            f"WHERE {expr} IS NOT NULL GROUP BY {expr}"
            for name, expr in groups
        )
        sql = (
            f"WITH m AS MATERIALIZED (SELECT d.id, d.type, d.topic_id, d.room_id, d.unit_id, "
            f"d.date, {score_sql} AS score FROM {DOC} d WHERE {where} {match_sql}), "
            f"p AS (SELECT id, score, ROW_NUMBER() OVER (ORDER BY {order}) AS n FROM m "
            f"ORDER BY {order} LIMIT %s OFFSET %s) "
            f"SELECT 'hit', CAST(id AS TEXT), score, n FROM p UNION ALL {facet_sql}"
        )
        all_params = [*score_params, *params, *match_params, query.per_page, query.offset]
        facets: dict[str, list[FacetCount]] = {name: [] for name, _ in groups}
        page: list[tuple[int, float, int]] = []
        with connection.cursor() as cursor:
            cursor.execute(sql, all_params)
            for name, value, number, position in cursor.fetchall():
                if name == "hit":
                    page.append((int(value), float(number or 0), position))
                else:
                    facets[name].append(FacetCount(value=str(value), count=int(number)))
        page.sort(key=lambda row: row[2])
        for name, values in facets.items():
            if name == "year":
                values.sort(key=lambda f: f.value, reverse=True)
            else:
                values.sort(key=lambda f: (-f.count, f.value))
        return page, facets

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
            cursor.execute(
                f"SELECT 1 FROM {DOC} d WHERE {where} AND {match_sql} LIMIT 1",
                [*params, *match_params],
            )
            return corrected if cursor.fetchone() else None

    def _where(self, query: SearchQuery, principals: Set[str]) -> tuple[str, list]:
        """Access and filters, as SQL on ``d`` (the document table)."""
        principals = sorted(principals)
        clauses = [
            f"d.id IN (SELECT p.document_id FROM {PRINCIPAL} p "
            f"WHERE p.principal IN ({', '.join(['%s'] * len(principals))}))"
        ]
        params: list = list(principals)
        f = query.filters
        for column, values in (
            ("type", f.types),
            ("topic_id", f.topic_ids),
            ("room_id", f.room_ids),
            ("unit_id", f.unit_ids),
        ):
            if values:
                clauses.append(f"d.{column} IN ({', '.join(['%s'] * len(values))})")
                params += list(values)
        if f.date_from:
            clauses.append("d.date >= %s")
            params.append(self._datetime_param(_start_of(f.date_from)))
        if f.date_to:
            clauses.append("d.date < %s")
            params.append(self._datetime_param(_start_of(f.date_to + dt.timedelta(days=1))))
        return " AND ".join(clauses), params

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

    def _match_condition(self, groups) -> tuple[str, list]:
        """A condition on ``d`` that every group matches ``terms``, from the index."""
        raise NotImplementedError

    def _group_in(self, group, column: str) -> tuple[str, list]:
        """A boolean SQL expression: one group matches ``column`` (title or lead)."""
        raise NotImplementedError

    def _year_sql(self, column: str) -> str:
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


def fts_quote(token: str) -> str:
    """A token as an FTS5 string (tokens come from ``\\w+`` but quote anyway)."""
    return '"' + token.replace('"', '""') + '"'
