"""Journal entries as search documents: the public-journal view for everyone, the full
entry for records officers.

The provider contract (``search/providers.py``): ``documents(pks=None)`` yields, for
every journal entry among ``pks`` (all when ``None``), two documents:

* ``archive.entry:<pk>#public``: only what the public journal shows (the shown title,
  the case's public title, numbers, dates, type, the shown sender, the unit and the
  screening basis), so a screened title or name is never in its text. It links to
  the entry's row in the public journal.
* ``archive.entry:<pk>``: every field, linking to the entry's page in the archive.

``access.principals_for_journal_entry`` says who may find each. An entry that
no longer exists (or is disposed) yields nothing and leaves the index.
``archive.services`` ask for re-indexing with ``index_later`` when they journal an
entry or change it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

import access
from search.documents import ARCHIVE, SearchDocument

from .models import JournalEntry

SOURCE = "archive.entry"
PUBLIC = "public"
BATCH = 500


def key(entry_id: int, variant: str = "") -> str:
    return f"{SOURCE}:{entry_id}" + (f"#{variant}" if variant else "")


def documents(pks: Iterable[int] | None = None) -> Iterator[SearchDocument]:
    entries = JournalEntry.objects.select_related("case", "thread__topic").order_by("pk")
    if pks is not None:
        entries = entries.filter(pk__in=list(pks))
    for entry in entries.iterator(chunk_size=BATCH):
        yield from entry_documents(entry)


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def entry_documents(entry: JournalEntry) -> Iterator[SearchDocument]:
    public_principals, full_principals = access.principals_for_journal_entry(entry)
    case = entry.case
    screening = (
        _("Unntatt offentlighet, %(basis)s") % {"basis": entry.screening_basis}
        if entry.is_screened
        else ""
    )
    common = [
        entry.registry_id,
        entry.running_number,
        # The numbers once more as plain words: PostgreSQL's parser reads "2026/1-1" as
        # one file-path token, which a search for "2026/1-1" (words 2026, 1) would miss.
        " ".join(re.findall(r"\d+", f"{entry.registry_id} {entry.running_number}")),
        str(entry.get_type_display()),
        entry.responsible_unit_name,
        screening,
    ]
    # Display facts for a readable hit (case, number, date, type, sender, screening);
    # the public variant carries only what the public journal shows (masked parts).
    extra = {
        "registry_id": entry.registry_id,
        "journal_date": entry.journal_date.isoformat(),
        "status": entry.status,
        "case_number": case.number,
        "entry_type": str(entry.get_type_display()),
        "screening": screening,
    }
    if public_principals:
        journal = reverse("archive:public_journal")
        day = entry.journal_date.isoformat()
        yield SearchDocument(
            key=key(entry.pk, PUBLIC),
            type=ARCHIVE,
            title=entry.shown_title,
            body="\n".join(
                filter(None, [f"{case.number} {case.public_title}", *common, entry.shown_sender])
            ),
            url=f"{journal}?fra={day}&til={day}#journalpost-{entry.pk}",
            principals=frozenset(public_principals),
            date=_at(entry.journal_date),
            unit_id=entry.responsible_unit_id,
            extra={
                **extra,
                "variant": PUBLIC,
                "case_title": case.public_title,
                "sender": entry.shown_sender,
            },
        )
    if full_principals:
        thread = entry.thread
        yield SearchDocument(
            key=key(entry.pk),
            type=ARCHIVE,
            title=entry.title,
            body="\n".join(
                filter(
                    None,
                    [
                        f"{case.number} {case.title}",
                        case.public_title,
                        entry.public_title,
                        *common,
                        entry.sender_name,
                        entry.sender_unit_name,
                        entry.journaled_by_name,
                        thread.title if thread else "",
                    ],
                )
            ),
            url=reverse("archive:entry", kwargs={"entry_id": entry.pk}),
            principals=frozenset(full_principals),
            date=_at(entry.journal_date),
            room_id=thread.topic.room_id if thread else None,
            topic_id=thread.topic_id if thread else None,
            unit_id=entry.responsible_unit_id,
            extra={**extra, "case_title": case.title, "sender": entry.sender_name},
        )


def count() -> int:
    """Documents, for the progress bar: two per entry."""
    return 2 * JournalEntry.objects.count()
