"""Journaling: filing a nominated thread into a case as a numbered journal entry.

Numbers (case numbers ``YYYY/N``, løpenummer per year, document number per
case) are taken from rows locked with ``select_for_update`` inside the
journaling transaction, so concurrent records officers on PostgreSQL get
distinct numbers without gaps. The thread is rendered to PDF/A before the
transaction (rendering is slow and must not hold the number locks), written
once to the private storage and never touched again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from uuid import uuid4

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import access
from fagrom.i18n import site_text
from fagrom.storage import StorageWriteError, storage_save
from people.models import OrgUnit
from search.tasks import index_later

from .. import rendering
from ..models import (
    ArchivalDocument,
    ArchiveClass,
    ArchiveEvent,
    Case,
    CaseType,
    Fonds,
    JournalEntry,
    JournalSequence,
    Nomination,
)
from .audit import event_log
from .errors import ArchiveError


def private_storage():
    return storages["private"]


def fonds_get() -> Fonds:
    """The archive (arkiv) row, created from settings the first time."""
    fonds, _created = Fonds.objects.get_or_create(
        pk=1,
        defaults={
            "title": settings.ARCHIVE_TITLE,
            "creator_id": settings.ARCHIVE_CREATOR_ID,
            "creator_name": settings.ARCHIVE_CREATOR_NAME,
            "classification_title": site_text(gettext_noop("Fagroms arkivnøkkel")),
        },
    )
    return fonds


def next_number(kind: str, year: int) -> int:
    """The next number of ``kind`` in ``year``; call inside the journaling transaction."""
    JournalSequence.objects.get_or_create(kind=kind, year=year)
    seq = JournalSequence.objects.select_for_update().get(kind=kind, year=year)
    seq.last_number += 1
    seq.save(update_fields=["last_number"])
    return seq.last_number


@dataclass
class EntryDetails:
    """What the records officer fills in when journaling."""

    title: str
    document_date: date
    type: str
    responsible_unit: OrgUnit
    public_title: str = ""
    screening_basis: str = ""
    screen_title: bool = False
    screen_names: bool = False

    def clean(self) -> None:
        self.title = self.title.strip()
        self.public_title = self.public_title.strip()
        self.screening_basis = self.screening_basis.strip()
        if not self.title:
            raise ArchiveError(_("Journalposten må ha en tittel."))
        if self.type not in JournalEntry.Type.values:
            raise ArchiveError(_("Velg en gyldig journalposttype."))
        screened = self.screen_title or self.screen_names
        if screened and not self.screening_basis:
            raise ArchiveError(
                _("Oppgi hjemmel for skjermingen, for eksempel «offl. § 13 jf. fvl. § 13».")
            )
        if self.screening_basis and not screened:
            raise ArchiveError(_("Velg hva som skal skjermes: tittelen, navn eller begge."))
        if self.screen_title:
            if not self.public_title or self.public_title == self.title:
                raise ArchiveError(
                    _(
                        "Når tittelen skjermes, må den offentlige tittelen være en annen, "
                        "med de skjermede ordene erstattet av *****."
                    )
                )
        else:
            self.public_title = self.title


@dataclass
class NewCase:
    title: str
    archive_class: ArchiveClass
    public_title: str = ""
    case_type: CaseType | None = None


def _write_document(pdf: bytes, year: int) -> tuple[str, str]:
    """Store the bytes under a fresh name, whole or not at all; returns (uuid string, file name).

    ``thread_journal`` removes it again if the journaling rolls back.
    """
    object_uuid = str(uuid4())
    name = f"archive/{year}/{object_uuid}.pdf"
    try:
        storage_save(storage=private_storage(), name=name, content=ContentFile(pdf))
    except StorageWriteError as exc:
        raise ArchiveError(
            _(
                "Dokumentet kunne ikke lagres fordi arkivlagringen er full eller utilgjengelig. "
                "Ingenting er journalført. Prøv igjen senere."
            )
        ) from exc
    return object_uuid, name


def _predicted_stamp(*, case: Case | None, now, year: int) -> rendering.Stamp:
    """The numbers the entry will most likely get (read without locks).

    The document is rendered before the numbering transaction, so rendering never
    holds the number locks; if another records officer took these numbers in the
    meantime, ``_journal_locked`` renders again with the real ones.
    """
    last = dict(JournalSequence.objects.filter(year=year).values_list("kind", "last_number"))
    if case is None:
        case_number = f"{year}/{last.get(JournalSequence.Kind.CASE, 0) + 1}"
        document_number = 1
    else:
        case = Case.objects.get(pk=case.pk)
        case_number, document_number = case.number, case.last_document_number + 1
    entry_number = last.get(JournalSequence.Kind.ENTRY, 0) + 1
    return rendering.Stamp(
        case_number=case_number,
        registry_id=f"{case_number}-{document_number}",
        running_number=f"{entry_number}/{year}",
        journal_date=timezone.localdate(now),
    )


def thread_journal(
    *,
    nomination: Nomination,
    by,
    details: EntryDetails,
    case: Case | None = None,
    new_case: NewCase | None = None,
    render=None,
    include_removed: bool = False,
) -> JournalEntry:
    """Journal the nominated thread into ``case`` (or a ``new_case``).

    ``render`` (thread → PDF bytes) defaults to ``rendering.thread_pdf``. Posts a
    moderator removed are frozen as "removed, because …" unless
    ``include_removed`` is chosen, which needs screening (their text may be why
    they were removed).
    """
    access.check_keep_records(by)
    details.clean()
    if (case is None) == (new_case is None):
        raise ArchiveError(_("Velg en eksisterende sak eller opprett en ny."))
    if new_case is not None and not new_case.title.strip():
        raise ArchiveError(_("Den nye saken må ha en tittel."))
    if include_removed and not details.screening_basis:
        raise ArchiveError(
            _(
                "Fjernede innlegg tas bare med i arkivkopien når journalposten skjermes. "
                "Oppgi skjermingshjemmel."
            )
        )
    thread = nomination.thread
    now = timezone.now()
    year = timezone.localdate(now).year
    render = render or rendering.thread_pdf
    stamp = _predicted_stamp(case=case, now=now, year=year)
    pdf = render(thread, frozen_at=now, stamp=stamp, include_removed=include_removed)
    written = [_write_document(pdf, year)]
    try:
        with transaction.atomic():
            entry = _journal_locked(
                nomination=nomination,
                by=by,
                details=details,
                case=case,
                new_case=new_case,
                now=now,
                year=year,
                document=(pdf, *written[0]),
                stamp=stamp,
                rerender=lambda actual: _rerender(
                    render, thread, now, actual, include_removed, year, written
                ),
            )
    except BaseException:
        # Nothing was journaled: no file may linger unreferenced.
        for _uuid, file_name in written:
            private_storage().delete(file_name)
        raise
    for _uuid, file_name in written[:-1]:  # a first rendering with numbers taken meanwhile
        private_storage().delete(file_name)
    return entry


def _rerender(render, thread, now, stamp, include_removed, year, written):
    pdf = render(thread, frozen_at=now, stamp=stamp, include_removed=include_removed)
    written.append(_write_document(pdf, year))
    return (pdf, *written[-1])


def _journal_locked(
    *, nomination, by, details, case, new_case, now, year, document, stamp, rerender
) -> JournalEntry:
    locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if locked.status != Nomination.Status.PENDING:
        raise ArchiveError(_("Forslaget er allerede behandlet."))
    thread = locked.thread
    by_name = by.get_full_name()
    if case is not None:
        case = Case.objects.select_for_update().get(pk=case.pk)
        if not case.is_open:
            raise ArchiveError(
                _("Sak %(number)s er avsluttet. Velg en åpen sak eller opprett en ny.")
                % {"number": case.number}
            )
    else:
        case = Case.objects.create(
            year=year,
            sequence_number=next_number(JournalSequence.Kind.CASE, year),
            title=new_case.title.strip(),
            public_title=(new_case.public_title or new_case.title).strip(),
            archive_class=new_case.archive_class,
            case_type=new_case.case_type,
            responsible_unit=details.responsible_unit,
            responsible_unit_name=details.responsible_unit.name,
            case_officer=by,
            case_officer_name=by.get_full_name(),
            created_at=now,
            created_by_name=by_name,
        )
        event_log(
            actor=by,
            action=ArchiveEvent.Action.CASE_CREATED,
            summary=site_text(
                gettext_noop("Sak %(number)s opprettet: %(title)s"),
                {"number": case.number, "title": case.title},
            ),
            unit_uuid=case.uuid,
            at=now,
        )
    Case.objects.filter(pk=case.pk).update(last_document_number=F("last_document_number") + 1)
    case.refresh_from_db(fields=["last_document_number"])
    sequence_number = next_number(JournalSequence.Kind.ENTRY, year)
    actual = rendering.Stamp(
        case_number=case.number,
        registry_id=f"{case.number}-{case.last_document_number}",
        running_number=f"{sequence_number}/{year}",
        journal_date=timezone.localdate(now),
    )
    pdf, object_uuid, file_name = document if actual == stamp else rerender(actual)
    # The sender as they were when they wrote the thread, not after a later move.
    first = thread.posts.select_related("author__org_unit").order_by("position").first()
    sender_name, sender_unit_name, _title = (
        first.author_as_written
        if first
        else (thread.author.get_full_name(), thread.author.workplace, "")
    )
    entry = JournalEntry.objects.create(
        case=case,
        thread=thread,
        year=year,
        sequence_number=sequence_number,
        document_number=case.last_document_number,
        title=details.title,
        public_title=details.public_title,
        type=details.type,
        document_date=details.document_date,
        journal_date=timezone.localdate(now),
        responsible_unit=details.responsible_unit,
        responsible_unit_name=details.responsible_unit.name,
        journaled_by=by,
        journaled_by_name=by.get_full_name(),
        sender_name=sender_name,
        sender_unit_name=sender_unit_name,
        screening_basis=details.screening_basis,
        screen_title=details.screen_title,
        screen_names=details.screen_names,
        created_at=now,
    )
    ArchivalDocument.objects.create(
        entry=entry,
        object_uuid=object_uuid,
        document_number=1,
        title=thread.title,
        file_name=file_name,
        format=rendering.FORMAT,
        format_details=rendering.FORMAT_DETAILS,
        sha256=hashlib.sha256(pdf).hexdigest(),
        size=len(pdf),
        created_at=now,
        created_by_name=by_name,
    )
    index_later("archive.entry", entry.pk)
    locked.status = Nomination.Status.JOURNALED
    locked.journal_entry = entry
    locked.decided_by = by
    locked.decided_by_name = by_name
    locked.decided_at = now
    locked.save(
        update_fields=["status", "journal_entry", "decided_by", "decided_by_name", "decided_at"]
    )
    event_log(
        actor=by,
        action=ArchiveEvent.Action.JOURNALED,
        summary=site_text(
            gettext_noop("Tråd %(thread)s journalført som %(id)s (løpenummer %(no)s)"),
            {"thread": thread.pk, "id": entry.registry_id, "no": entry.running_number},
        ),
        unit_uuid=entry.uuid,
        details={
            "thread": thread.pk,
            "case": case.number,
            "screening_basis": entry.screening_basis,
            "sha256": hashlib.sha256(pdf).hexdigest(),
        },
        at=now,
    )
    return entry
