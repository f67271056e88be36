"""Searching the public journal: only what the public may see is searched.

A screened title is searched by its public form (``public_title``, with the
screened words as *****), a screened sender not at all, so a search can never
confirm a withheld word.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from ..models import JournalEntry

MAX_WORDS = 8


@dataclass
class JournalFilter:
    query: str = ""
    date_from: date | None = None
    date_to: date | None = None
    case_number: str = ""  # 2026/12
    type: str = ""


def _word_q(word: str) -> Q:
    return (
        Q(public_title__icontains=word)
        | Q(case__public_title__icontains=word)
        | Q(responsible_unit_name__icontains=word)
        | Q(sender_name__icontains=word, screen_names=False)
    )


def public_journal_search(f: JournalFilter) -> QuerySet[JournalEntry]:
    entries = JournalEntry.objects.select_related("case", "thread__topic").order_by(
        "-journal_date", "-year", "-sequence_number"
    )
    if f.date_from:
        entries = entries.filter(journal_date__gte=f.date_from)
    if f.date_to:
        entries = entries.filter(journal_date__lte=f.date_to)
    if f.type in JournalEntry.Type.values:
        entries = entries.filter(type=f.type)
    year, sep, number = f.case_number.strip().partition("/")
    if sep and year.isdigit() and number.isdigit():
        entries = entries.filter(case__year=int(year), case__sequence_number=int(number))
    elif f.case_number.strip():
        entries = entries.none()
    for word in f.query.split()[:MAX_WORDS]:
        # "2026/12-3" finds the entry by its number as well.
        case_no, dash, doc = word.partition("-")
        y, slash, n = case_no.partition("/")
        if dash and slash and y.isdigit() and n.isdigit() and doc.isdigit():
            entries = entries.filter(
                case__year=int(y), case__sequence_number=int(n), document_number=int(doc)
            )
            continue
        entries = entries.filter(_word_q(word))
    return entries
