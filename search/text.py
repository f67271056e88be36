"""Norwegian query text: words, stems, rule references and safe snippets.

The database and Elasticsearch backends analyse text themselves; this module
is what they share: how a query string is split (words, quoted phrases and
rule references such as "ftrl. § 8-2"), the Norwegian Snowball stem of a word
(used for prefix and compound matching on SQLite), and how a snippet is cut
and highlighted safely from untrusted document text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import snowballstemmer
from django.utils.html import escape

# A marker pair that cannot occur in text a person typed (control characters are
# stripped from documents before indexing): backends wrap matches in these, and
# ``mark_safe_html`` escapes everything else before turning them into <mark>.
MARK_START, MARK_END = "\x02", "\x03"

# Frequent Norwegian function words (a subset of Snowball's list, which PostgreSQL's
# "norwegian" configuration also drops): searching for them finds everything.
STOPWORDS = frozenset(
    """
    og i jeg det at en et den til er som på de med han av ikke ikkje der så var meg seg men
    ett har om vi min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan
    hans hvor eller hva skal selv sjøl her alle vil bli ble blei blitt kunne inn når være
    kom noen noe ville dere som deres kun ja etter ned skulle denne for deg si sine sitt
    mot å meget hvorfor dette disse uten hvordan ingen din ditt blir samme hvilken hvilke
    sånn inni mellom vår hver hvem vors hvis både bare enn fordi før mange også slik vært
    være båe begge siden dykk dykkar dei deira deires deim di då eg ein eit eitt elles
    """.split()
)

WORD_RE = re.compile(r"\w+", re.UNICODE)
# "ftrl. § 8-2", "folketrygdloven § 8-2", "§ 8-2 første ledd", "§§ 8-2", "fvl. § 11 a".
REFERENCE_RE = re.compile(
    r"(?:\b[^\W\d_]{2,}\.?\s*)?§{1,2}\s*\d+(?:\s*-\s*\d+)*(?:\s?[a-z]\b)?", re.UNICODE
)
PHRASE_RE = re.compile(r'"([^"]+)"')
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

MIN_COMPOUND_STEM = 5  # shorter stems inside other words match too much ("lov" in "klovn")


@functools.cache
def _stemmer():
    return snowballstemmer.stemmer("norwegian")


def stem(word: str) -> str:
    return _stemmer().stemWord(word.lower())


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD_RE.findall(text)]


def clean(text: str) -> str:
    """Document text without control characters (which the markers rely on)."""
    return CONTROL_RE.sub(" ", text or "")


@dataclass(frozen=True)
class ParsedQuery:
    """A query split into what every backend searches for.

    ``terms`` are lowercase words (stopwords dropped) that must all match (as
    the word, its stem or a part of a compound). ``phrases`` are token
    sequences that must appear in order: quoted text and rule references.
    ``phrase_texts`` are the same phrases as typed (PostgreSQL parses them itself).
    """

    text: str
    terms: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]
    phrase_texts: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.phrases

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(stem(t) for t in self.terms)


def parse(text: str) -> ParsedQuery:
    text = clean(text).strip()[:500]
    phrase_texts: list[str] = []

    def take(match):
        phrase_texts.append(match.group(1) if match.re is PHRASE_RE else match.group(0))
        return " "

    rest = PHRASE_RE.sub(take, text)
    rest = REFERENCE_RE.sub(take, rest)
    phrases = []
    kept_texts = []
    for phrase_text in phrase_texts:
        tokens = tuple(words(phrase_text))
        if tokens:
            phrases.append(tokens)
            kept_texts.append(phrase_text.strip())
    terms = []
    for word in words(rest):
        if word not in STOPWORDS and word not in terms:
            terms.append(word)
    return ParsedQuery(text, tuple(terms[:12]), tuple(phrases[:4]), tuple(kept_texts[:4]))


def highlight_patterns(query: ParsedQuery) -> list[re.Pattern]:
    """Patterns that find a query's matches in document text (for snippets)."""
    patterns = []
    for term, term_stem in zip(query.terms, query.stems, strict=True):
        # The stem anywhere in a word catches inflections and compounds alike
        # ("sykepeng" in "sykepengene", "håndbok" in "personalhåndboka").
        root = term_stem if len(term_stem) >= 3 else term
        if len(root) >= MIN_COMPOUND_STEM:
            patterns.append(re.compile(rf"\w*{re.escape(root)}\w*", re.IGNORECASE))
        else:
            patterns.append(re.compile(rf"\b{re.escape(root)}\w*", re.IGNORECASE))
    for tokens in query.phrases:
        # Tokens in order, anything that is not a word between them ("ftrl. § 8-2").
        body = r"\W+".join(re.escape(t) for t in tokens)
        patterns.append(re.compile(rf"\b{body}\b", re.IGNORECASE))
    return patterns


def mark(text: str, patterns: list[re.Pattern]) -> str:
    """``text`` with every match wrapped in the marker pair (no HTML yet)."""
    spans = []
    for pattern in patterns:
        spans.extend(m.span() for m in pattern.finditer(text) if m.end() > m.start())
    if not spans:
        return text
    spans.sort()
    merged = [list(spans[0])]
    for start, end in spans[1:]:
        if start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        out += [text[pos:start], MARK_START, text[start:end], MARK_END]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def snippet(text: str, patterns: list[re.Pattern], length: int = 240) -> str:
    """A window of ``text`` around the first match, matches marked (no HTML yet)."""
    text = " ".join((text or "").split())
    first = None
    for pattern in patterns:
        m = pattern.search(text)
        if m and (first is None or m.start() < first):
            first = m.start()
    if first is None:
        cut = text[:length]
        return cut + ("…" if len(text) > length else "")
    start = max(0, first - length // 3)
    if start:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space != -1 and start - space < 30 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + length // 2 else end
    window = text[start:end]
    return ("…" if start else "") + mark(window, patterns) + ("…" if end < len(text) else "")


def marked_to_html(marked: str) -> str:
    """Escape user text, then turn the marker pair into <mark>: the only HTML a snippet has."""
    html = escape(marked.replace(MARK_START + MARK_END, ""))
    return html.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
