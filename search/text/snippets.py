"""Highlights and snippets, cut safely from untrusted document text.

Backends wrap matches in a marker pair that cannot occur in indexed text (control
characters are stripped first); :func:`marked_to_html` escapes everything else
before turning the markers into ``<mark>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import escape

from .analysis import NYNORSK_TO_BOKMAL, stem, word_analysis
from .laws import LawTable, default_table
from .query import ParsedQuery

MARK_START, MARK_END = "\x02", "\x03"
MIN_COMPOUND_STEM = 5  # shorter stems inside other words match too much ("lov" in "klovn")


@dataclass(frozen=True)
class Highlight:
    regex: re.Pattern
    needle: str | None = None  # a lowercase literal every match contains (found fast)


def _nynorsk_stems() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for nn, nb in NYNORSK_TO_BOKMAL.items():
        out.setdefault(stem(nb), set()).add(stem(nn))
    return out


_NN = None


def _root_highlight(root: str) -> Highlight:
    if len(root) >= MIN_COMPOUND_STEM:
        return Highlight(re.compile(rf"\w*{re.escape(root)}\w*", re.IGNORECASE), root)
    return Highlight(re.compile(rf"\b{re.escape(root)}\w*", re.IGNORECASE), root)


def highlight_patterns(query: ParsedQuery, laws: LawTable | None = None) -> list[Highlight]:
    """What marks a query's matches in document text."""
    global _NN
    if _NN is None:
        _NN = _nynorsk_stems()
    laws = laws or default_table()
    roots: dict[str, None] = {}
    for term in query.terms:
        whole, parts = word_analysis(term)
        for root in (whole, *parts, *sorted(_NN.get(whole, ()))):
            roots[root if len(root) >= 3 else term] = None
    patterns = [_root_highlight(r) for r in roots]
    for tokens in query.phrases:
        body = r"\W+".join(re.escape(t) for t in tokens)
        patterns.append(Highlight(re.compile(rf"\b{body}\b", re.IGNORECASE), tokens[0]))
    for ref in query.references:
        aliases = [a for a, law in laws.alias_to_law.items() if law == ref.law]
        law_re = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in aliases)
        if ref.section:
            number = re.escape(ref.section).replace(r"\-", r"\s*-\s*")
            section = rf"(?:§{{1,2}}\s*)?{number}\b"
            regex = rf"(?:{law_re})\.?\s*{section}" if ref.law else rf"§{{1,2}}\s*{number}\b"
        else:
            regex = rf"(?:{law_re})\.?\s*kap(?:ittel)?\.?\s*{ref.chapter}\b"
        patterns.append(Highlight(re.compile(regex, re.IGNORECASE)))
    return patterns


def _spans(text: str, patterns: list[Highlight]):
    for p in patterns:
        for m in p.regex.finditer(text):
            if m.end() > m.start():
                yield m.span()


def mark(text: str, patterns: list[Highlight]) -> str:
    """``text`` with every match wrapped in the marker pair (no HTML yet)."""
    spans = sorted(_spans(text, patterns))
    if not spans:
        return text
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


def first_match(text: str, patterns: list[Highlight]) -> int | None:
    """Where the first match starts. The start of the text is tried first: a frequent
    word is found there, and lower-casing a 30 kB thread for every hit of a page cost
    several ms per search; the whole text only when the start has no match."""
    if len(text) > HEAD_CHARS:
        head = _first_match(text[:HEAD_CHARS], patterns)
        # A match ending past the cut would be missed, not misplaced: look wider then.
        if head is not None and head < HEAD_CHARS - 200:
            return head
    return _first_match(text, patterns)


HEAD_CHARS = 4000


def _first_match(text: str, patterns: list[Highlight]) -> int | None:
    """Literal needles are found with ``str.find`` (C speed) and confirmed by the
    pattern near them."""
    lower = text.lower()
    first = None
    for p in patterns:
        if p.needle:
            at = lower.find(p.needle)
            while at != -1 and (first is None or at < first):
                start = max(0, at - 60)
                m = p.regex.search(text, start, at + len(p.needle) + 60)
                if m:
                    first = m.start() if first is None else min(first, m.start())
                    break
                at = lower.find(p.needle, at + 1)
        else:
            m = p.regex.search(text)
            if m and (first is None or m.start() < first):
                first = m.start()
    return first


def snippet(text: str, patterns: list[Highlight], length: int = 240) -> str:
    """A window of ``text`` around the first match, matches marked (no HTML yet)."""
    text = text or ""
    first = first_match(text, patterns)
    if first is None:
        cut = " ".join(text[: length * 2].split())[:length]
        return cut + ("…" if len(text) > len(cut) else "")
    # Only the neighbourhood is normalised: a thread's body is 30 kB.
    around = max(0, first - length)
    head = "…" if around else ""
    tail = len(text) > first + 2 * length
    text = " ".join(text[around : first + 2 * length].split())
    first = first_match(text, patterns) or 0
    start = max(0, first - length // 3)
    if start:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space != -1 and start - space < 30 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + length // 2 else end
    window = text[start:end]
    return (
        ("…" if start or head else "")
        + mark(window, patterns)
        + ("…" if end < len(text) or tail else "")
    )


def marked_to_html(marked: str) -> str:
    """Escape user text, then turn the marker pair into <mark>: the only HTML a snippet has."""
    html = escape(marked.replace(MARK_START + MARK_END, ""))
    return html.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
