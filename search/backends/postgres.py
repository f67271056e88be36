"""PostgreSQL: the token columns as tsvectors, matched in a GIN index.

``terms_vector``, ``title_vector`` and ``lead_vector`` are generated columns made
with ``array_to_tsvector``: the tokens of ``search.text`` as they are, no parsing,
no positions (pairs of neighbouring words stand in for phrases). A query is a
``tsquery`` of plain lexemes, so the GIN index answers ``terms_vector @@ q``
exactly: PostgreSQL never rechecks (detoasts) the large vector of a thread. The
terms vector also holds the document's principals (``@all``, ``@room:12``), so the
same GIN scan applies access. Ranking reads the small title vector (inline) of every
match and the lead vector (out of line) of the best ``CANDIDATES``. ``pg_trgm`` on
titles serves suggestions as you type.

``SETUP_SQL`` is the state migration ``0004`` makes; ``0006`` (storage) and ``0007``
(principals in the terms vector) change it with their own, frozen SQL.
"""

from __future__ import annotations

from django.db import connection

from .database import DOC, PRINCIPAL, DatabaseBackend, access_lexeme

VECTORS = {"terms_vector": "terms", "title_vector": "title_terms", "lead_vector": "lead_terms"}
SETUP_SQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"ALTER TABLE {DOC} "
    + ", ".join(
        f"ADD COLUMN {vector} tsvector GENERATED ALWAYS AS "
        f"(array_to_tsvector(string_to_array({column}, ' '))) STORED"
        for vector, column in VECTORS.items()
    ),
    # Small vectors stay in the row (no TOAST lookup when ranking every candidate).
    f"ALTER TABLE {DOC} ALTER COLUMN title_vector SET STORAGE MAIN, "
    "ALTER COLUMN lead_vector SET STORAGE MAIN",
    f"CREATE INDEX search_doc_terms_gin ON {DOC} USING gin (terms_vector)",
    f"CREATE INDEX IF NOT EXISTS search_doc_title_trgm ON {DOC} USING gin (title gin_trgm_ops)",
]
TEARDOWN_SQL = [f"ALTER TABLE {DOC} DROP COLUMN IF EXISTS {vector}" for vector in VECTORS] + [
    "DROP INDEX IF EXISTS search_doc_title_trgm"
]
PLAN_ON = "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off"
PLAN_OFF = "SET LOCAL enable_seqscan = DEFAULT; SET LOCAL enable_indexscan = DEFAULT"
GIN_INDEXES = ("search_doc_terms_gin", "search_doc_title_trgm")


def tsquery(groups) -> str:
    """Groups as tsquery text of quoted lexemes (no parsing: ``'…'::tsquery``)."""

    def lexeme(token):
        return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"

    def alternative(tokens):
        return "(" + " & ".join(lexeme(t) for t in tokens) + ")"

    return " & ".join("(" + " | ".join(alternative(a) for a in g) + ")" for g in groups)


class PostgresBackend(DatabaseBackend):
    def _matched_rows(self, cursor, sql: str, params: list) -> list[tuple]:
        """The statement with sequential scans off for its own implicit transaction.

        A word in most documents (``vedtak``: 99 %) makes the planner prefer a
        sequential scan, which evaluates ``@@`` on every row and so detoasts every
        thread's vector (330 MB read, ~700 ms at 1 M posts), and so does an index scan
        on the primary key with ``@@`` as a filter; the GIN bitmap answers the same
        without reading one (~20 ms). The planner cannot see detoasting costs, so the
        statement says it: ``SET LOCAL`` in the same query string (one round trip, one
        statement in the query log) lasts only until the trailing ``DEFAULT``s.
        """
        cursor.execute(f"{PLAN_ON}; {sql}; {PLAN_OFF}", params)
        cursor.nextset()
        cursor.nextset()
        return cursor.fetchall()

    def _match_condition(self, groups) -> tuple[str, list]:
        return "d.terms_vector @@ %s::tsquery", [tsquery(groups)]

    def _access_condition(self, principals: list[str]) -> tuple[str, list]:
        """Access in the GIN index: the person's principals as lexemes of the terms vector
        (``access_terms``), so one bitmap scan yields exactly the visible matches. It
        replaces the semi-join on the principal table, which hashed every visible
        document (10 000 rows) per search and visited the heap rows of invisible ones."""
        return "d.terms_vector @@ %s::tsquery", [
            tsquery([[[access_lexeme(p)] for p in principals]])
        ]

    def _group_in(self, group, column: str) -> tuple[str, list]:
        vector = {"title_terms": "title_vector", "lead_terms": "lead_vector"}[column]
        return f"(d.{vector} @@ %s::tsquery)", [tsquery([group])]

    def _suggest_condition(self, tokens) -> tuple[str, list]:
        likes = ["%" + _like_escape(t) + "%" for t in tokens]
        return " AND ".join(["d.title ILIKE %s"] * len(likes)), likes

    def _suggest_order(self, tokens) -> tuple[str, list]:
        return "word_similarity(%s, d.title) DESC, ", [" ".join(tokens)]

    def _after_rebuild(self) -> None:
        """Vacuum: remove the replaced rows, merge the GIN pending lists, fresh statistics.

        Every row of a rebuild replaces one, and until a vacuum the GIN index still
        points at the dead versions: at 1 M posts a search for ``vedtak`` then visited
        5 510 heap pages for 531 live ones (30 036 index entries for 10 012 matches)
        and took three times as long. A bulk load also leaves its entries in the GIN
        "fast update" pending list, which each search scans linearly. Inside a
        transaction (tests) VACUUM is impossible; then the pending lists are merged
        and the statistics refreshed, as far as a transaction can.
        """
        with connection.cursor() as cursor:
            if connection.in_atomic_block:
                for index in GIN_INDEXES:
                    cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
                cursor.execute(f"ANALYZE {DOC}")
                cursor.execute(f"ANALYZE {PRINCIPAL}")
            else:
                cursor.execute(f"VACUUM (ANALYZE) {DOC}, {PRINCIPAL}")


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
