"""The database backend (the default): our own tables, queried with the database's full-text search.

Shared here: writing documents and principals, filters, facets and paging.
Per vendor (``sqlite.py``, ``postgres.py``): how text matches and ranks, and
how snippets are cut. Every query keeps only documents that share a principal
with the person (a semi-join on the indexed principal table) *before* ranking,
counting or suggesting, so nothing invisible is ever counted.
"""

from __future__ import annotations

import datetime as dt
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
from ..models import IndexedDocument, IndexedPrincipal
from .base import MAX_BODY_CHARS, SearchBackend, batched

DOC = IndexedDocument._meta.db_table
PRINCIPAL = IndexedPrincipal._meta.db_table


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
        with transaction.atomic():
            self._delete_all()
            for batch in batched(docs):
                written += self._insert(batch)
                if progress:
                    progress(len(batch))
            self._after_rebuild()
        return written

    def keys(self, source: str) -> set[str]:
        return set(
            IndexedDocument.objects.filter(key__startswith=source + ":").values_list(
                "key", flat=True
            )
        )

    def _insert(self, batch: list[SearchDocument]) -> int:
        rows = IndexedDocument.objects.bulk_create(
            [
                IndexedDocument(
                    key=d.key,
                    type=d.type,
                    title=text.clean(d.title),
                    body=text.clean(d.body)[:MAX_BODY_CHARS],
                    url=d.url,
                    date=d.date,
                    room_id=d.room_id,
                    topic_id=d.topic_id,
                    unit_id=d.unit_id,
                    boost=d.boost,
                    extra=d.extra,
                    compound_text=self._compound_text(d),
                )
                for d in batch
            ]
        )
        IndexedPrincipal.objects.bulk_create(
            [
                IndexedPrincipal(document_id=row.pk, principal=p)
                for row, d in zip(rows, batch, strict=True)
                for p in sorted(d.principals)
            ]
        )
        return len(rows)

    def _compound_text(self, doc: SearchDocument) -> str | None:
        return None

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
            cursor.execute(f"DELETE FROM {PRINCIPAL}")
            cursor.execute(f"DELETE FROM {DOC}")

    def _after_rebuild(self) -> None:
        pass

    # -- reading ---------------------------------------------------------------------

    def search(self, query: SearchQuery, principals: Set[str]) -> SearchResults:
        parsed = text.parse(query.text)
        empty = SearchResults(hits=[], total=0, facets={}, query=query)
        if not principals or (parsed.is_empty and query.filters.is_empty):
            return empty
        where, params = self._where(query, principals)
        match_sql, match_params = self._match(parsed)
        facets = self._facets(match_sql, match_params, where, params)
        total = sum(f.count for f in facets.get("type", []))
        if not total:
            return SearchResults(hits=[], total=0, facets=facets, query=query)
        hits = self._hits(parsed, query, where, params)
        return SearchResults(hits=hits, total=total, facets=facets, query=query)

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

    def _facets(self, match_sql, match_params, where, params) -> dict[str, list[FacetCount]]:
        match_clause = f"AND d.id IN ({match_sql})" if match_sql else ""
        year = self._year_sql("d.date")
        groups = [
            ("type", "d.type"),
            ("topic", "d.topic_id"),
            ("room", "d.room_id"),
            ("unit", "d.unit_id"),
            ("year", year),
        ]
        selects = " UNION ALL ".join(
            f"SELECT '{name}', CAST({expr} AS TEXT), COUNT(*) FROM m d "
            f"WHERE {expr} IS NOT NULL GROUP BY {expr}"
            for name, expr in groups
        )
        sql = (
            f"WITH m AS MATERIALIZED (SELECT d.id, d.type, d.topic_id, d.room_id, d.unit_id, d.date "
            f"FROM {DOC} d WHERE {where} {match_clause}) "
            f"{selects}"
        )
        facets: dict[str, list[FacetCount]] = {name: [] for name, _ in groups}
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *match_params])
            for name, value, count in cursor.fetchall():
                facets[name].append(FacetCount(value=str(value), count=count))
        for name, values in facets.items():
            if name == "year":
                values.sort(key=lambda f: f.value, reverse=True)
            else:
                values.sort(key=lambda f: (-f.count, f.value))
        return facets

    def _documents(self, ids: list[int]) -> dict[int, IndexedDocument]:
        return IndexedDocument.objects.in_bulk(ids)

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

    def _match(self, parsed: text.ParsedQuery) -> tuple[str, list]:
        """SQL selecting the ids of documents that match the text ('' when no text)."""
        raise NotImplementedError

    def _hits(self, parsed, query: SearchQuery, where: str, params: list) -> list[Hit]:
        raise NotImplementedError

    def _year_sql(self, column: str) -> str:
        raise NotImplementedError

    def suggest(self, prefix: str, principals: Set[str], limit: int = 8) -> list[Suggestion]:
        raise NotImplementedError


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def fts_quote(token: str) -> str:
    """A token as an FTS5 string (tokens come from ``\\w+`` but quote anyway)."""
    return '"' + token.replace('"', '""') + '"'
