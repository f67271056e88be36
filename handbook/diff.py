"""A readable word-level comparison of two versions, for readers (not only the admin).

The text a reader sees (``ControlledPage.diff_paragraphs``: each block with its
kind, so headings stay headings) is split into words; ``difflib`` finds what was
removed and added; the result is HTML with ``<del>``/``<ins>`` (coloured by the
stylesheet) that also says so in words to screen readers (which do not announce
the elements themselves).
"""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

_BREAK = "\n"
_KIND = "\x01"  # a token that starts a paragraph and names its element
_TOKEN = re.compile(r"\n|[^\s]+")
_ELEMENTS = {"p", "h2", "h3"}


def _tokens(paragraphs) -> list[str]:
    tokens: list[str] = []
    for paragraph in paragraphs:
        kind, text = paragraph if isinstance(paragraph, tuple) else ("p", paragraph)
        kind = kind if kind in _ELEMENTS else "p"
        for line in text.splitlines():
            words = _TOKEN.findall(line.replace(_KIND, ""))
            if words:
                tokens.append(_KIND + kind)
                tokens.extend(words)
                tokens.append(_BREAK)
    return tokens


def _is_word(token: str) -> bool:
    return token != _BREAK and not token.startswith(_KIND)


@dataclass
class Diff:
    html: SafeString
    added: int
    removed: int

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed)


def _wrap(op: str, words: list[str]) -> str:
    text = escape(" ".join(words))
    if op == "insert":
        label = _("Lagt til:")
        return f'<ins><span class="visually-hidden">{label} </span>{text}</ins>'
    if op == "delete":
        label = _("Fjernet:")
        return f'<del><span class="visually-hidden">{label} </span>{text}</del>'
    return text


def word_diff(old, new) -> Diff:
    """Compare two lists of paragraphs (text, or ``(element, text)``) word by word."""
    a, b = _tokens(old), _tokens(new)
    ops: list[tuple[str, str]] = []
    added = removed = 0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.extend(("equal", t) for t in a[i1:i2])
            continue
        if tag in ("delete", "replace"):
            ops.extend(("delete", t) for t in a[i1:i2])
            removed += sum(1 for t in a[i1:i2] if _is_word(t))
        if tag in ("insert", "replace"):
            ops.extend(("insert", t) for t in b[j1:j2])
            added += sum(1 for t in b[j1:j2] if _is_word(t))

    paragraphs: list[str] = []
    current: list[str] = []
    run_op, run_words = "equal", []
    element = "p"

    def flush_run():
        nonlocal run_words
        if run_words:
            current.append(_wrap(run_op, run_words))
            run_words = []

    for op, token in ops:
        if token.startswith(_KIND):
            if not current and not run_words:
                element = token[1:]
            continue
        if token == _BREAK:
            flush_run()
            if current:
                paragraphs.append(f"<{element}>{' '.join(current)}</{element}>")
            current = []
            element = "p"
            continue
        if op != run_op:
            flush_run()
            run_op = op
        run_words.append(token)
    flush_run()
    if current:
        paragraphs.append(f"<{element}>{' '.join(current)}</{element}>")
    return Diff(html=mark_safe("\n".join(paragraphs)), added=added, removed=removed)
