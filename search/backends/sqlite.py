"""SQLite: FTS5 word index beside an FTS5 trigram index.

* ``search_fts`` (``unicode61 remove_diacritics 0``): words. A term matches as
  the prefix of its Norwegian Snowball stem ("sykepengene" → ``"sykepeng"*``),
  which covers inflections and compounds that start with the word
  ("dagpenger" → "dagpengesøknad"). Rule references match as phrases
  ("ftrl. § 8-2" → ``"ftrl 8 2"``). Ranking is ``bm25`` with the title weighted.
* ``search_tri`` (``trigram``): the stem anywhere inside a word, for compounds
  that end with it ("håndbok" → "personalhåndboka"). Only stems of at least
  five letters, so short words do not match inside unrelated ones.

Both are external-content tables over ``search_indexeddocument`` kept in sync
by triggers; a rebuild drops the triggers, loads, and rebuilds the indexes once.
"""

from __future__ import annotations

from collections.abc import Set

from django.db import connection

from .. import text
from ..documents import Hit, SearchQuery, Suggestion
from .database import DOC, DatabaseBackend, fts_quote

TRIGGERS_SQL = [
    f"""CREATE TRIGGER search_doc_ai AFTER INSERT ON {DOC} BEGIN
        INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
        INSERT INTO search_tri(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    f"""CREATE TRIGGER search_doc_ad AFTER DELETE ON {DOC} BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, body)
            VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO search_tri(search_tri, rowid, title, body)
            VALUES ('delete', old.id, old.title, old.body);
    END""",
    f"""CREATE TRIGGER search_doc_au AFTER UPDATE OF title, body ON {DOC} BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, body)
            VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO search_tri(search_tri, rowid, title, body)
            VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
        INSERT INTO search_tri(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
]
DROP_TRIGGERS_SQL = [
    "DROP TRIGGER IF EXISTS search_doc_ai",
    "DROP TRIGGER IF EXISTS search_doc_ad",
    "DROP TRIGGER IF EXISTS search_doc_au",
]
SETUP_SQL = [
    f"""CREATE VIRTUAL TABLE search_fts USING fts5(
        title, body, content='{DOC}', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0')""",
    f"""CREATE VIRTUAL TABLE search_tri USING fts5(
        title, body, content='{DOC}', content_rowid='id', tokenize='trigram')""",
    *TRIGGERS_SQL,
]
TEARDOWN_SQL = [
    *DROP_TRIGGERS_SQL,
    "DROP TABLE IF EXISTS search_fts",
    "DROP TABLE IF EXISTS search_tri",
]

TITLE_WEIGHT, BODY_WEIGHT = 4.0, 1.0
TRIGRAM_FACTOR = 0.3  # a match inside a compound counts less than a word match


def _root(term: str, stem: str) -> str:
    return stem if len(stem) >= 2 else term


class SQLiteBackend(DatabaseBackend):
    def _term_set(self, term: str, stem: str, column: str = "") -> tuple[str, list]:
        """Ids of documents where one term matches (as word prefix, or inside a compound)."""
        root = _root(term, stem)
        col = f"{column} : " if column else ""
        sql = "SELECT rowid AS id FROM search_fts WHERE search_fts MATCH %s"
        params = [f"{col}{fts_quote(root)}*"]
        if len(root) >= text.MIN_COMPOUND_STEM:
            sql += " UNION SELECT rowid AS id FROM search_tri WHERE search_tri MATCH %s"
            params.append(f"{col}{fts_quote(root)}")
        return sql, params

    def _match(self, parsed: text.ParsedQuery) -> tuple[str, list]:
        sets = [self._term_set(t, s) for t, s in zip(parsed.terms, parsed.stems, strict=True)]
        sets += [
            (
                "SELECT rowid AS id FROM search_fts WHERE search_fts MATCH %s",
                [fts_quote(" ".join(tokens))],
            )
            for tokens in parsed.phrases
        ]
        if not sets:
            return "", []
        sql = " INTERSECT ".join(f"SELECT id FROM ({s})" for s, _ in sets)
        return sql, [p for _, params in sets for p in params]

    def _hits(self, parsed, query: SearchQuery, where: str, params: list) -> list[Hit]:
        match_sql, match_params = self._match(parsed)
        roots = [_root(t, s) for t, s in zip(parsed.terms, parsed.stems, strict=True)]
        word_any = " OR ".join(
            [f"{fts_quote(r)}*" for r in roots]
            + [fts_quote(" ".join(tokens)) for tokens in parsed.phrases]
        )
        tri_any = " OR ".join(fts_quote(r) for r in roots if len(r) >= text.MIN_COMPOUND_STEM)
        # The candidates (permitted and matching) are found once; bm25 is computed only
        # for them, so documents the person may not see are matched by the index but
        # never ranked. The unary plus keeps that filter out of FTS5's index: a bare
        # ``rowid IN`` is handed to FTS5 as one ``rowid =`` lookup per candidate, each
        # re-reading the doclists of every query token (45 s for "ftrl. § 8-2" over
        # 10 000 thread documents, against 0.1 s for one pass over the match).
        # Scores are summed per id over a UNION ALL rather than LEFT JOINed: SQLite
        # may join a materialized ranking subquery without an index, scanning it once
        # per candidate (9 s for "vedtak" with 10 000 candidates).
        match_clause = f"AND d.id IN ({match_sql})" if match_sql else ""
        # With no text to rank (filters only) the score is the boost alone.
        parts = [f"SELECT id, {0.0 if word_any else 1.0} AS s FROM c"]
        rank_params: list = []
        candidates = "+rowid IN (SELECT id FROM c)"
        if word_any:
            parts.append(
                f"SELECT rowid, -bm25(search_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) "
                f"FROM search_fts WHERE search_fts MATCH %s AND {candidates}"
            )
            rank_params.append(word_any)
        if tri_any:
            parts.append(
                f"SELECT rowid, {TRIGRAM_FACTOR} * -bm25(search_tri, {TITLE_WEIGHT}, "
                f"{BODY_WEIGHT}) FROM search_tri WHERE search_tri MATCH %s AND {candidates}"
            )
            rank_params.append(tri_any)
        sql = (
            f"WITH c AS MATERIALIZED (SELECT d.id FROM {DOC} d WHERE {where} {match_clause}), "
            f"s AS (SELECT id, SUM(s) AS s FROM ({' UNION ALL '.join(parts)}) GROUP BY id) "
            f"SELECT d.id, s.s * d.boost AS score FROM s JOIN {DOC} d ON d.id = s.id "
            "ORDER BY score DESC, d.date DESC, d.id DESC LIMIT %s OFFSET %s"
        )
        join_params = [*params, *match_params, *rank_params]
        with connection.cursor() as cursor:
            cursor.execute(sql, [*join_params, query.per_page, query.offset])
            rows = cursor.fetchall()
        docs = self._documents([r[0] for r in rows])
        patterns = text.highlight_patterns(parsed)
        return [
            self._hit(
                docs[doc_id],
                score,
                title_html=text.marked_to_html(text.mark(docs[doc_id].title, patterns)),
                snippet=text.marked_to_html(text.snippet(docs[doc_id].body, patterns)),
            )
            for doc_id, score in rows
        ]

    def _year_sql(self, column: str) -> str:
        return f"substr({column}, 1, 4)"

    def suggest(self, prefix: str, principals: Set[str], limit: int = 8) -> list[Suggestion]:
        tokens = text.words(text.clean(prefix))[:6]
        if not principals or not tokens or len("".join(tokens)) < 2:
            return []
        sets = [self._term_set(t, t, column="title") for t in tokens]
        match_sql = " INTERSECT ".join(f"SELECT id FROM ({s})" for s, _ in sets)
        principals = sorted(principals)
        sql = (
            f"SELECT d.title, d.url, d.type FROM {DOC} d "
            f"WHERE d.id IN (SELECT p.document_id FROM search_indexedprincipal p "
            f"WHERE p.principal IN ({', '.join(['%s'] * len(principals))})) "
            f"AND d.id IN ({match_sql}) ORDER BY d.boost DESC, d.date DESC, d.id DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*principals, *[p for _, ps in sets for p in ps], limit])
            return [Suggestion(title=t, url=u, type=ty) for t, u, ty in cursor.fetchall()]

    # A rebuild loads rows without triggers and builds each FTS index once.
    def _delete_all(self) -> None:
        with connection.cursor() as cursor:
            for sql in DROP_TRIGGERS_SQL:
                cursor.execute(sql)
            super()._delete_all()
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
            cursor.execute("INSERT INTO search_tri(search_tri) VALUES ('delete-all')")

    def _after_rebuild(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
            cursor.execute("INSERT INTO search_tri(search_tri) VALUES ('rebuild')")
            for sql in TRIGGERS_SQL:
                cursor.execute(sql)
