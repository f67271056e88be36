"""What a document is indexed as, and what a query asks for: the same tokens.

``index_tokens(text)`` lists a text's tokens (stems, compound parts, pairs of
neighbouring words, legal references); ``parse(query)`` turns what was typed into
groups that must all match, each a choice of token sets::

    permitteringsperioden ftrl 8-2
    → [ {permitteringsperiod} or {permitter, period} ] and [ {ref_ftrl_8_2} ]

Backends write the groups in their own syntax (``tsquery``, FTS5 ``MATCH``,
Elasticsearch ``terms``), so they all match exactly the same documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .analysis import (
    STOPWORDS,
    WORD_RE,
    content_words,
    index_parts,
    pair,
    stem,
    word_analysis,
    words,
)
from .laws import LawTable, Reference, default_table

PHRASE_RE = re.compile(r'"([^"]+)"')
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_TERMS, MAX_PHRASES, MAX_REFERENCES = 12, 4, 4

Group = tuple[tuple[str, ...], ...]  # alternatives; each alternative is tokens that must all match


def clean(text: str) -> str:
    """Document text without control characters (which the highlight markers rely on)."""
    return CONTROL_RE.sub(" ", text or "")


def index_tokens(
    text: str, laws: LawTable | None = None, vocabulary: set[str] | None = None
) -> list[str]:
    """Every distinct token of ``text``: references first, then words, then pairs.

    Written for bulk indexing (450 MB of posts): words are deduplicated by C-level
    ``dict.fromkeys`` before the (cached) per-word analysis runs.
    """
    laws = laws or default_table()
    seen: dict[str, None] = {}
    add = seen.setdefault
    for ref in laws.find(text):
        for token in ref.tokens:
            add(token)
    content = [w for w in WORD_RE.findall(text.lower()) if w not in STOPWORDS]
    distinct = dict.fromkeys(content)
    if vocabulary is not None:
        vocabulary.update(distinct)
    for word in distinct:
        add(word_analysis(word)[0])
        for part in index_parts(word):
            add(part)
    for left, right in dict.fromkeys(zip(content, content[1:], strict=False)):
        add(pair(word_analysis(left)[0], word_analysis(right)[0]))
    return list(seen)


@dataclass(frozen=True)
class ParsedQuery:
    """A query split into what every backend searches for.

    ``terms`` are the lowercase words typed (stopwords dropped), ``phrases`` the
    quoted word sequences, ``references`` the legal references; ``groups`` is what
    must match (see the module docstring).
    """

    text: str
    terms: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]
    references: tuple[Reference, ...]
    groups: tuple[Group, ...]

    @property
    def is_empty(self) -> bool:
        return not self.groups

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(stem(t) for t in self.terms)

    @property
    def tokens(self) -> tuple[str, ...]:
        """Every token any group names (for ranking and vocabulary checks)."""
        return tuple(dict.fromkeys(t for g in self.groups for alt in g for t in alt))


def term_group(word: str) -> Group:
    whole, parts = word_analysis(word)
    return ((whole,), tuple(parts)) if len(parts) > 1 else ((whole,),)


def phrase_group(tokens: list[str]) -> Group | None:
    content = [w for w in tokens if w in set(content_words(" ".join(tokens)))]
    if not content:
        return None
    if len(content) == 1:
        return term_group(content[0])
    stems = [word_analysis(w)[0] for w in content]
    return (tuple(pair(a, b) for a, b in zip(stems, stems[1:], strict=False)),)


def parse(text: str, laws: LawTable | None = None) -> ParsedQuery:
    laws = laws or default_table()
    text = clean(text).strip()[:500]
    groups: list[Group] = []
    phrases: list[tuple[str, ...]] = []
    for quoted in PHRASE_RE.findall(text):
        tokens = words(quoted)
        group = phrase_group(tokens)
        if group and len(phrases) < MAX_PHRASES:
            phrases.append(tuple(tokens))
            groups.append(group)
    rest = PHRASE_RE.sub(" ", text)
    references = laws.find(rest)[:MAX_REFERENCES]
    for ref in references:
        groups.append(((ref.tokens[0],),))
    for ref in sorted(references, key=lambda r: r.start, reverse=True):
        rest = rest[: ref.start] + " " + rest[ref.end :]
    terms: list[str] = []
    for word in content_words(rest):
        if word not in terms and len(terms) < MAX_TERMS:
            terms.append(word)
            groups.append(term_group(word))
    return ParsedQuery(text, tuple(terms), tuple(phrases), tuple(references), tuple(groups))


def with_term_replaced(query: ParsedQuery, old: str, new: str) -> str:
    """The query text with one word replaced (for "Mente du …?")."""
    return re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, query.text, flags=re.IGNORECASE)
