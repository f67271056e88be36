"""SQLite: one FTS5 table over the token columns.

``search_terms`` indexes ``title_terms``, ``lead_terms`` and ``terms`` (the tokens
``search.text.index_tokens`` made: stems, compound parts, word pairs, legal
references) with ``detail=column``: which column holds a token, no positions, so
doclists stay small. Pairs stand in for phrase positions. It is an external-content
table over ``search_indexeddocument`` kept in sync by triggers, also during a rebuild
(batches commit as they go, so searches keep working).
"""

from __future__ import annotations

from django.db import connection

from .. import text
from .database import DOC, DatabaseBackend, fts_quote

TOKENIZE = "unicode61 remove_diacritics 0 tokenchars '_'"
TRIGGERS_SQL = [
    f"""CREATE TRIGGER search_doc_ai AFTER INSERT ON {DOC} BEGIN
        INSERT INTO search_terms(rowid, title_terms, lead_terms, terms)
            VALUES (new.id, new.title_terms, new.lead_terms, new.terms);
    END""",
    f"""CREATE TRIGGER search_doc_ad AFTER DELETE ON {DOC} BEGIN
        INSERT INTO search_terms(search_terms, rowid, title_terms, lead_terms, terms)
            VALUES ('delete', old.id, old.title_terms, old.lead_terms, old.terms);
    END""",
    f"""CREATE TRIGGER search_doc_au AFTER UPDATE OF title_terms, lead_terms, terms ON {DOC}
    BEGIN
        INSERT INTO search_terms(search_terms, rowid, title_terms, lead_terms, terms)
            VALUES ('delete', old.id, old.title_terms, old.lead_terms, old.terms);
        INSERT INTO search_terms(rowid, title_terms, lead_terms, terms)
            VALUES (new.id, new.title_terms, new.lead_terms, new.terms);
    END""",
]
DROP_TRIGGERS_SQL = [
    "DROP TRIGGER IF EXISTS search_doc_ai",
    "DROP TRIGGER IF EXISTS search_doc_ad",
    "DROP TRIGGER IF EXISTS search_doc_au",
]
SETUP_SQL = [
    f"""CREATE VIRTUAL TABLE search_terms USING fts5(
        title_terms, lead_terms, terms, content='{DOC}', content_rowid='id',
        tokenize="{TOKENIZE}", detail=column)""",
    *TRIGGERS_SQL,
]
TEARDOWN_SQL = [*DROP_TRIGGERS_SQL, "DROP TABLE IF EXISTS search_terms"]


def fts_expression(groups, column: str) -> str:
    """Groups as an FTS5 query on one column: AND of groups, OR of alternatives."""

    def alternative(tokens):
        return "(" + " AND ".join(fts_quote(t) for t in tokens) + ")"

    body = " AND ".join("(" + " OR ".join(alternative(a) for a in g) + ")" for g in groups)
    return f"{column} : ({body})"


class SQLiteBackend(DatabaseBackend):
    def _match_source(self) -> str:
        # SQLite would look each match up by rowid and read the whole row, and a row's
        # later columns (date, ids) sit behind its 30 kB body in overflow pages: 1 s
        # for 10 000 matches. The covering index holds every column the pass reads.
        return f"{DOC} d INDEXED BY search_doc_match_idx"

    def _match_condition(self, groups) -> tuple[str, list]:
        return (
            "d.id IN (SELECT rowid FROM search_terms WHERE search_terms MATCH %s)",
            [fts_expression(groups, "terms")],
        )

    def _group_in(self, group, column: str) -> tuple[str, list]:
        # An uncorrelated IN: SQLite builds the set once, then probes it per candidate.
        return (
            "(d.id IN (SELECT rowid FROM search_terms WHERE search_terms MATCH %s))",
            [fts_expression([group], column)],
        )

    def _suggest_condition(self, tokens) -> tuple[str, list]:
        likes = ["%" + _like_escape(t) + "%" for t in tokens]
        return " AND ".join(["d.title LIKE %s ESCAPE '\\'"] * len(likes)), likes

    def _after_rebuild(self) -> None:
        # The triggers kept the FTS table in step batch by batch (searches work during a
        # rebuild); merging its segments once at the end keeps queries quick.
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_terms(search_terms) VALUES ('optimize')")
            cursor.execute("ANALYZE")


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


__all__ = ["SQLiteBackend", "text"]
