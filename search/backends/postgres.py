"""PostgreSQL: tsvector columns with the "norwegian" configuration and a compound-aware one.

* ``search_vector``: ``norwegian`` (Snowball stems: "sykepengene" ~ "sykepenger"),
  title weighted A, body B; ranked with ``ts_rank_cd``.
* ``compound_vector``: ``fagrom_compound``, a copy of ``norwegian`` that first
  asks the Norwegian hunspell dictionary (Debian's ``hunspell-no``, linked into
  ``tsearch_data`` as ``nb_no.dict/.affix`` by ``pg_updatedicts``), which splits
  compounds ("personalhåndboka" → personal, håndbok, hånd, bok). When the files are
  missing the configuration is a plain copy and compounds are matched by
  substring (``ILIKE``) instead — correct but slower; ``manage.py check`` warns.
* ``pg_trgm`` index on titles: suggestions as you type.

Rule references ("ftrl. § 8-2") are ``phraseto_tsquery`` phrases. Snippets come
from ``ts_headline``. The principal semi-join sits in the same WHERE clause as the
text match, so PostgreSQL ranks only rows the person may see.
"""

from __future__ import annotations

import logging
from collections.abc import Set

from django.db import connection, transaction

from .. import text
from ..documents import Hit, SearchQuery, Suggestion
from .base import MAX_BODY_CHARS
from .database import DOC, PRINCIPAL, DatabaseBackend

logger = logging.getLogger(__name__)

CONFIG = "fagrom_compound"
DICTIONARY = "fagrom_nb_hunspell"
HUNSPELL_FILE = "nb_no"  # tsearch_data/nb_no.dict + nb_no.affix (Debian's pg_updatedicts)
HEADLINE_CHARS = 20_000
WORD_TOKENS = "asciiword, word, hword, hword_part, hword_asciipart, asciihword"

COLUMNS_SQL = [
    f"""ALTER TABLE {DOC}
        ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('norwegian'::regconfig, title), 'A')
            || setweight(to_tsvector('norwegian'::regconfig, body), 'B')) STORED,
        ADD COLUMN compound_vector tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('{CONFIG}'::regconfig, title), 'A')
            || setweight(to_tsvector('{CONFIG}'::regconfig, body), 'B')) STORED""",
    f"CREATE INDEX search_doc_vector_gin ON {DOC} USING gin (search_vector)",
    f"CREATE INDEX search_doc_compound_gin ON {DOC} USING gin (compound_vector)",
    f"CREATE INDEX search_doc_title_trgm ON {DOC} USING gin (title gin_trgm_ops)",
]
# Migration 0003: the compound vector over ``compound_text`` (distinct words) instead
# of the whole body. Indexing 1 000 000 posts spent most of its time in the hunspell
# dictionary, once per word occurrence; once per distinct word is several times less.
COMPOUND_FROM_DISTINCT_WORDS_SQL = [
    f"ALTER TABLE {DOC} DROP COLUMN IF EXISTS compound_vector",
    f"""ALTER TABLE {DOC}
        ADD COLUMN compound_vector tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('{CONFIG}'::regconfig, title), 'A')
            || setweight(to_tsvector('{CONFIG}'::regconfig, coalesce(compound_text, body)), 'B'))
            STORED""",
    f"CREATE INDEX search_doc_compound_gin ON {DOC} USING gin (compound_vector)",
]
TEARDOWN_SQL = [
    f"ALTER TABLE {DOC} DROP COLUMN IF EXISTS search_vector",
    f"ALTER TABLE {DOC} DROP COLUMN IF EXISTS compound_vector",
    "DROP INDEX IF EXISTS search_doc_title_trgm",
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}",
    f"DROP TEXT SEARCH DICTIONARY IF EXISTS {DICTIONARY}",
]


def ensure_compound_dictionary(cursor) -> bool:
    """Create the compound configuration, with the hunspell dictionary when its files exist.

    Safe to call again (``search_reindex`` does, so installing ``hunspell-no`` later
    and reindexing upgrades an existing database). Returns whether the dictionary is used.
    """
    cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [CONFIG])
    if not cursor.fetchone():
        cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = norwegian)")
    if has_dictionary(cursor):
        return True
    try:
        # A savepoint: a missing file must not abort the migration's transaction.
        with transaction.atomic(using=cursor.db.alias):
            cursor.execute(
                f"CREATE TEXT SEARCH DICTIONARY {DICTIONARY} (TEMPLATE = ispell, "
                f"DictFile = {HUNSPELL_FILE}, AffFile = {HUNSPELL_FILE}, StopWords = norwegian)"
            )
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR {WORD_TOKENS} "
                f"WITH {DICTIONARY}, norwegian_stem"
            )
    except Exception as exc:  # noqa: BLE001 - any failure here means "no dictionary"
        logger.warning(
            "Norwegian hunspell dictionary not available to PostgreSQL (%s); compound words "
            "will be matched by substring. Install hunspell-no, run pg_updatedicts, then "
            "`manage.py search_reindex`.",
            str(exc).strip().splitlines()[0],
        )
        return False
    return True


def has_dictionary(cursor) -> bool:
    cursor.execute("SELECT 1 FROM pg_ts_dict WHERE dictname = %s", [DICTIONARY])
    return cursor.fetchone() is not None


_dictionary_cache: dict[str, bool] = {}


def dictionary_installed() -> bool:
    key = connection.settings_dict["NAME"]
    if key not in _dictionary_cache:
        with connection.cursor() as cursor:
            _dictionary_cache[key] = has_dictionary(cursor)
    return _dictionary_cache[key]


GIN_INDEXES = ("search_doc_vector_gin", "search_doc_compound_gin", "search_doc_title_trgm")


class PostgresBackend(DatabaseBackend):
    def _compound_text(self, doc) -> str:
        """Each word of the body once: what the compound vector is built from.

        Phrases (rule references) are matched on ``search_vector``, which keeps every
        position; the compound vector only has to know which words occur.
        """
        return " ".join(dict.fromkeys(text.words(text.clean(doc.body)[:MAX_BODY_CHARS])))

    def _tsqueries(self, parsed: text.ParsedQuery) -> tuple[str, list, str, list]:
        """(norwegian tsquery SQL, its params, compound tsquery SQL, its params).

        Written inline (not in a CTE) so the planner can use the GIN indexes.
        """
        parts_n, parts_c, params = [], [], []
        if parsed.terms:
            parts_n.append("plainto_tsquery('norwegian', %s)")
            parts_c.append(f"plainto_tsquery('{CONFIG}', %s)")
            params.append(" ".join(parsed.terms))
        for phrase in parsed.phrase_texts:
            parts_n.append("phraseto_tsquery('norwegian', %s)")
            parts_c.append(f"phraseto_tsquery('{CONFIG}', %s)")
            params.append(phrase)
        return f"({' && '.join(parts_n)})", params, f"({' && '.join(parts_c)})", params

    def _substring_fallback(self, parsed) -> tuple[str, list]:
        """Without the dictionary: every term as its stem inside a word (compounds)."""
        clauses, params = [], []
        for term, stem in zip(parsed.terms, parsed.stems, strict=True):
            root = stem if len(stem) >= 2 else term
            clauses.append("(d.title ILIKE %s OR d.body ILIKE %s)")
            like = "%" + _like_escape(root) + "%"
            params += [like, like]
        return " AND ".join(clauses), params

    def _match_where(self, parsed) -> tuple[str, list]:
        """A condition on ``d`` that the text matches."""
        nq, nparams, cq, cparams = self._tsqueries(parsed)
        if not dictionary_installed() and parsed.terms:
            fallback, fparams = self._substring_fallback(parsed)
            return f"(d.search_vector @@ {nq} OR ({fallback}))", [*nparams, *fparams]
        return f"(d.search_vector @@ {nq} OR d.compound_vector @@ {cq})", [*nparams, *cparams]

    def _match(self, parsed: text.ParsedQuery) -> tuple[str, list]:
        if parsed.is_empty:
            return "", []
        condition, params = self._match_where(parsed)
        return f"SELECT d.id FROM {DOC} d WHERE {condition}", params

    def _hits(self, parsed, query: SearchQuery, where: str, params: list) -> list[Hit]:
        if parsed.is_empty:
            sql = (
                f"SELECT d.id, d.boost, NULL, NULL FROM {DOC} d WHERE {where} "
                "ORDER BY d.date DESC NULLS LAST, d.id DESC LIMIT %s OFFSET %s"
            )
            all_params = [*params, query.per_page, query.offset]
        else:
            nq, nparams, cq, cparams = self._tsqueries(parsed)
            condition, match_params = self._match_where(parsed)
            # Headlines with the plain configuration over the start of the body: the
            # compound one re-parses every word through hunspell (seconds for a page of
            # long threads). A compound-only match, or one further in, gets our own
            # snippet below.
            headline_config, hq, hparams = "norwegian", nq, nparams
            body_options = (
                f"StartSel={text.MARK_START}, StopSel={text.MARK_END}, "
                'MaxWords=40, MinWords=18, MaxFragments=2, FragmentDelimiter=" … "'
            )
            title_options = (
                f"HighlightAll=true, StartSel={text.MARK_START}, StopSel={text.MARK_END}"
            )
            # Rank and filter first, then cut headlines for the page only (ts_headline
            # re-parses the whole text, so never run it over every match).
            sql = f"""
                WITH page AS (
                    SELECT d.id, (ts_rank_cd(d.search_vector, {nq})
                                  + 0.5 * ts_rank_cd(d.compound_vector, {cq})) * d.boost AS score
                    FROM {DOC} d
                    WHERE {where} AND {condition}
                    ORDER BY score DESC, d.date DESC NULLS LAST, d.id DESC
                    LIMIT %s OFFSET %s)
                SELECT page.id, page.score,
                       ts_headline('{headline_config}', d.title, {hq}, %s),
                       ts_headline('{headline_config}', left(d.body, {HEADLINE_CHARS}), {hq}, %s)
                FROM page JOIN {DOC} d ON d.id = page.id
                ORDER BY page.score DESC, d.date DESC NULLS LAST, d.id DESC"""
            all_params = [
                *nparams,
                *cparams,
                *params,
                *match_params,
                query.per_page,
                query.offset,
                *hparams,
                title_options,
                *hparams,
                body_options,
            ]
        with connection.cursor() as cursor:
            cursor.execute(sql, all_params)
            rows = cursor.fetchall()
        docs = self._documents([r[0] for r in rows])
        patterns = text.highlight_patterns(parsed)
        hits = []
        for doc_id, score, title_marked, body_marked in rows:
            doc = docs[doc_id]
            if title_marked is None or text.MARK_START not in (body_marked or ""):
                # No headline match (filters only, or a substring match): cut our own.
                title_marked = text.mark(doc.title, patterns)
                body_marked = text.snippet(doc.body, patterns)
            else:
                body_marked = " ".join(body_marked.split())
            hits.append(
                self._hit(
                    doc,
                    score,
                    title_html=text.marked_to_html(title_marked),
                    snippet=text.marked_to_html(body_marked),
                )
            )
        return hits

    def _year_sql(self, column: str) -> str:
        return f"to_char({column} AT TIME ZONE 'Europe/Oslo', 'YYYY')"

    def suggest(self, prefix: str, principals: Set[str], limit: int = 8) -> list[Suggestion]:
        tokens = text.words(text.clean(prefix))[:6]
        if not principals or not tokens or len("".join(tokens)) < 2:
            return []
        principals = sorted(principals)
        likes = ["%" + _like_escape(token) + "%" for token in tokens]
        sql = (
            f"SELECT d.title, d.url, d.type FROM {DOC} d "
            f"WHERE d.id IN (SELECT p.document_id FROM {PRINCIPAL} p WHERE p.principal = ANY(%s)) "
            f"AND {' AND '.join(['d.title ILIKE %s'] * len(likes))} "
            "ORDER BY word_similarity(%s, d.title) DESC, d.boost DESC, d.date DESC NULLS LAST "
            "LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [principals, *likes, " ".join(tokens), limit])
            return [Suggestion(title=t, url=u, type=ty) for t, u, ty in cursor.fetchall()]

    def _after_rebuild(self) -> None:
        """Merge the GIN indexes' pending lists and refresh the planner's statistics.

        A bulk rebuild leaves every new entry in the GIN "fast update" pending list,
        which each search then scans linearly, and leaves statistics that still
        describe the empty tables, so the planner picks sequential scans over the
        TOASTed vectors. Measured on 1 000 000 posts: a rare word took 160 ms before
        and 2 ms after. Both statements work inside the rebuild's transaction.
        """
        with connection.cursor() as cursor:
            for index in GIN_INDEXES:
                cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
            cursor.execute(f"ANALYZE {DOC}")
            cursor.execute(f"ANALYZE {PRINCIPAL}")

    def _delete_all(self) -> None:
        with connection.cursor() as cursor:
            ensure_compound_dictionary(cursor)
        _dictionary_cache.clear()
        super()._delete_all()


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
