"""Legal references: "ftrl. § 8-2" = "folketrygdloven § 8-2" = "ftrl 8-2".

A reference becomes index tokens that do not depend on how it was written:
``ref_ftrl_8_2`` (law, chapter and section), ``ref_8_2`` (the section without a
law, for "§ 8-2" on its own) and ``ref_ftrl_kap_8`` (the chapter: "ftrl. kap. 8").
Law names and their official abbreviations come from :data:`DEFAULT_LAWS` plus
the rows editors add in the admin (``search.models.LawName``); the same table is
used for documents and queries, so both sides always agree (after a reindex when
the table changes).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# Canonical abbreviation → other ways of writing the law (bokmål and nynorsk titles,
# short names). The abbreviation itself is always accepted, with or without a dot.
DEFAULT_LAWS: dict[str, tuple[str, ...]] = {
    "ftrl": ("folketrygdloven", "folketrygdlova", "lov om folketrygd"),
    "fvl": ("forvaltningsloven", "forvaltningslova", "forvl"),
    "offl": ("offentleglova", "offentlighetsloven", "offentleglovi"),
    "aml": ("arbeidsmiljøloven", "arbeidsmiljølova", "arbmiljøl"),
    "navl": ("nav-loven", "navloven", "nav-lova", "arbeids- og velferdsforvaltningsloven"),
    "sktfvl": ("skatteforvaltningsloven", "skatteforvaltningslova"),
    "arkivl": ("arkivloven", "arkivlova"),
    "statsansl": ("statsansatteloven", "statsansattelova"),
    "sosialtjl": ("sosialtjenesteloven", "sosialtenestelova"),
    "ferieloven": ("ferielova", "feriel"),
    "bvl": ("barnevernsloven", "barnevernslova", "barnevernloven"),
    "pasrl": ("pasient- og brukerrettighetsloven", "pasient- og brukarrettslova"),
    "fol": ("forskrift om offentlige anskaffelser",),
    "tvl": ("tvisteloven", "tvistelova"),
    "pol": ("personopplysningsloven", "personopplysningslova", "popplyl"),
}

SECTION = r"(?P<a>\d{1,4})(?:\s*-\s*(?P<b>\d{1,4}))?(?:\s?(?P<letter>[a-h])\b)?"
CHAPTER = r"(?:kap(?:ittel)?|kapitlet)\.?\s*(?P<chapter>\d{1,3})\b"
BARE_RE = re.compile(rf"§{{1,2}}\s*{SECTION}", re.IGNORECASE)
DIGIT_RE = re.compile(r"\d+")
WINDOW = 64  # characters before a number in which its reference can start


@dataclass(frozen=True)
class Reference:
    law: str | None  # canonical abbreviation, or None for a bare "§ 8-2"
    chapter: str | None
    section: str | None  # "8-2", "11", "14a"
    start: int
    end: int

    @property
    def tokens(self) -> tuple[str, ...]:
        out = []
        if self.section:
            key = self.section.replace("-", "_")
            if self.law:
                out.append(f"ref_{self.law}_{key}")
            out.append(f"ref_{key}")
        if self.law and self.chapter:
            out.append(f"ref_{self.law}_kap_{self.chapter}")
        return tuple(out)


class LawTable:
    """Aliases of every law, and the pattern that finds references to them."""

    def __init__(self, laws: Mapping[str, Iterable[str]]):
        self.alias_to_law: dict[str, str] = {}
        for abbreviation, names in laws.items():
            canonical = _norm(abbreviation)
            self.alias_to_law[canonical] = canonical
            for name in names:
                self.alias_to_law[_norm(name)] = canonical
        # Longest first, so "nav-loven" wins over a shorter alias that starts it.
        aliases = sorted(self.alias_to_law, key=len, reverse=True)
        alias_re = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in aliases)
        self.pattern = re.compile(
            rf"(?<![\w-])(?P<law>{alias_re})\.?(?:\s+|\s*(?=§))"
            rf"(?:{CHAPTER}|(?:§{{1,2}}\s*)?{SECTION})",
            re.IGNORECASE,
        )
        # "§ 8-2 i folketrygdloven", "kapittel 8 i ftrl."
        self.after_pattern = re.compile(
            rf"(?:{CHAPTER}|§{{1,2}}\s*{SECTION})\s+(?:i|etter|jf\.?)\s+"
            rf"(?P<law>{alias_re})\b\.?",
            re.IGNORECASE,
        )

    def law_of(self, alias: str) -> str:
        return self.alias_to_law[_norm(alias)]

    def find(self, text: str) -> list[Reference]:
        """Every reference in ``text``, in order.

        Every reference holds a number, so the patterns are only tried in a window
        before each number: one alternation of every alias tried at every position
        of a 30 kB thread costs more than all the rest of indexing it.
        """
        refs: list[Reference] = []
        end = 0
        for digit in DIGIT_RE.finditer(text):
            at = digit.start()
            if at < end:
                continue
            lo, hi = max(end, at - WINDOW), min(len(text), at + WINDOW)
            found = None
            for pattern in (self.pattern, self.after_pattern, BARE_RE):
                m = pattern.search(text, lo, hi)
                while m is not None and m.end() <= at:
                    m = pattern.search(text, m.start() + 1, hi)
                if (
                    m is not None
                    and m.start() <= at
                    and (found is None or m.start() < found.start())
                ):
                    found = m
            if found is None:
                continue
            law = found.groupdict().get("law")
            refs.append(self._reference(found, self.law_of(law) if law else None))
            end = found.end()
        return refs

    @staticmethod
    def _reference(m: re.Match, law: str | None) -> Reference:
        groups = m.groupdict()
        section = None
        if groups.get("a"):
            section = groups["a"] + (f"-{groups['b']}" if groups.get("b") else "")
            section += (groups.get("letter") or "").lower()
        chapter = groups.get("chapter") or (groups["a"] if groups.get("b") else None)
        return Reference(law, chapter, section, m.start(), m.end())


def _norm(name: str) -> str:
    return " ".join(name.lower().rstrip(".").split())


@functools.cache
def default_table() -> LawTable:
    return LawTable(DEFAULT_LAWS)
