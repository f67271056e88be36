"""Writing a Noark 5 archive extract (arkivuttrekk), streamed.

An extract covers the cases (saksmapper) closed in a period, with all their
journal entries and documents:

* ``arkivstruktur.xml``  arkiv → arkivdel → klassifikasjonssystem → klasse → saksmappe
  → journalpost → dokumentbeskrivelse → dokumentobjekt
* ``loependeJournal.xml`` / ``offentligJournal.xml``  the same entries as the
  running journal and as the public may see them (screened values as *****)
* ``endringslogg.xml``  logged changes of Noark metadata of the exported units
* ``arkivuttrekk.xml``  ADDML description with the SHA-256 of every file
* ``DOKUMENT/<year>/<uuid>.pdf`` and copies of the official XSDs

Journal entries are read with ``.iterator()`` and written one by one with
lxml's incremental ``xmlfile``, so memory stays flat however many entries
there are. Element order follows the XSDs (base-type elements, including
child registreringer, before the xsi:type extension elements).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages
from django.db.models import Max, Min, Prefetch, Q
from django.utils import timezone
from lxml import etree
from tqdm import tqdm

from ..models import ArchivalDocument, ArchiveEvent, ArchivePart, Case, JournalEntry
from .common import *  # noqa: F403 - outside code imports these names from here
from .common import (
    CHUNK,
    NS_LOG,
    SCHEMA_DIR,
    XSI,
    ExportError,
    ExtractResult,
    _dt,
    _Leaves,
    _sha256,
)
from .journals import JournalWriter
from .structure import StructureWriter


class Extract(StructureWriter, JournalWriter):
    """One archive extract of the cases closed between ``date_from`` and ``date_to``."""

    def __init__(
        self,
        out: Path,
        *,
        date_from: date | None = None,
        date_to: date | None = None,
        by_name: str = "",
        progress: bool | None = None,
    ):
        self.out = Path(out)
        self.date_from, self.date_to = date_from, date_to
        self.by_name = by_name or settings.ARCHIVE_SYSTEM_NAME
        self.progress = progress
        self.now = timezone.now()
        self.storage = storages["private"]

    # Selection -------------------------------------------------------------------

    def cases(self):
        qs = Case.objects.filter(status=Case.Status.CLOSED)
        if self.date_from:
            qs = qs.filter(closed_at__date__gte=self.date_from)
        if self.date_to:
            qs = qs.filter(closed_at__date__lte=self.date_to)
        return qs

    def entries(self):
        return JournalEntry.objects.filter(case__in=self.cases())

    def _entries_for_structure(self) -> Iterator[JournalEntry]:
        qs = (
            self.entries()
            .select_related("case__archive_class", "case__case_type")
            .prefetch_related(
                Prefetch("documents", queryset=ArchivalDocument.objects.order_by("document_number"))
            )
            .order_by(
                "case__archive_class__code",
                "case__year",
                "case__sequence_number",
                "document_number",
            )
        )
        return qs.iterator(chunk_size=CHUNK)

    def _entries_for_journals(self) -> Iterator[JournalEntry]:
        qs = (
            self.entries()
            .select_related("case__archive_class", "case__case_type")
            .in_journal_order()
        )
        return qs.iterator(chunk_size=CHUNK)

    # The whole package -------------------------------------------------------------

    def run(self) -> ExtractResult:
        if self.out.exists() and any(self.out.iterdir()):
            raise ExportError(f"{self.out} finnes og er ikke tom.")
        result = ExtractResult(out=self.out)
        cases = self.cases()
        result.cases = cases.count()
        result.entries = self.entries().count()
        if not result.entries:
            raise ExportError("Ingen avsluttede saker med journalposter i perioden.")
        agg = self.entries().aggregate(
            first=Min("journal_date"), last=Max("journal_date"), closed=Max("case__closed_at")
        )
        result.first_journal_date, result.last_journal_date = agg["first"], agg["last"]
        result.screened = self.entries().screened().exists()
        self.period_start = self.date_from or min(
            agg["first"], timezone.localdate(cases.aggregate(m=Min("created_at"))["m"])
        )
        self.period_end = self.date_to or timezone.localdate(agg["closed"])
        self.part = self._archive_part()
        from ..services.journaling import fonds_get

        self.fonds = fonds_get()
        self.out.mkdir(parents=True, exist_ok=True)
        for xsd in sorted(SCHEMA_DIR.glob("*.xsd")):
            shutil.copyfile(xsd, self.out / xsd.name)

        bar = tqdm(
            total=result.entries * 3,
            unit="journalposter",
            disable=self.progress is False or (self.progress is None and not sys.stderr.isatty()),
            file=sys.stderr,
        )
        with bar:
            bar.set_description("arkivstruktur.xml")
            self._write_structure(result, bar)
            bar.set_description("loependeJournal.xml")
            self._write_journal(result, bar, public=False)
            bar.set_description("offentligJournal.xml")
            self._write_journal(result, bar, public=True)
        self._write_changes(result)
        for name in (
            "arkivstruktur.xml",
            "endringslogg.xml",
            "loependeJournal.xml",
            "offentligJournal.xml",
        ):
            result.checksums[name] = _sha256(self.out / name)
        self._write_addml(result)
        return result

    def _archive_part(self) -> ArchivePart:
        part, _created = ArchivePart.objects.get_or_create(
            start_date=self.period_start,
            end_date=self.period_end,
            defaults={
                "title": f"Forumsaker {self.period_start:%Y-%m-%d}–{self.period_end:%Y-%m-%d}",
                "created_by_name": self.by_name,
                "created_at": self.now,
            },
        )
        return part

    # endringslogg.xml ---------------------------------------------------------------

    def _changes(self):
        units = Q(unit_uuid__in=self.cases().values("uuid")) | Q(
            unit_uuid__in=self.entries().values("uuid")
        )
        return ArchiveEvent.objects.exclude(field="").filter(units).order_by("at", "id")

    def _write_changes(self, result: ExtractResult) -> None:
        with etree.xmlfile(str(self.out / "endringslogg.xml"), encoding="UTF-8") as xf:
            xf.write_declaration()
            leaf = _Leaves(xf, NS_LOG)
            attrs = {f"{{{XSI}}}schemaLocation": f"{NS_LOG} endringslogg.xsd"}
            with xf.element(f"{{{NS_LOG}}}endringslogg", attrs, nsmap={None: NS_LOG, "xsi": XSI}):
                for event in self._changes().iterator(chunk_size=CHUNK):
                    with leaf.element("endring"):
                        leaf("referanseArkivenhet", event.unit_uuid)
                        leaf("referanseMetadata", event.field)
                        leaf("endretDato", _dt(event.at))
                        leaf("endretAv", event.actor_name)
                        leaf("tidligereVerdi", event.old_value)
                        leaf("nyVerdi", event.new_value)
                    result.changes += 1
        if not result.changes:
            # endringslogg.xsd needs at least one <endring>; closing a case always logs one.
            raise ExportError(
                "Endringsloggen er tom: sakene i uttrekket har ingen loggført avslutning."
            )

    # arkivuttrekk.xml (ADDML) --------------------------------------------------------

    def _write_addml(self, result: ExtractResult) -> None:
        from .addml import addml_document

        tree = addml_document(self, result)
        tree.write(
            str(self.out / "arkivuttrekk.xml"),
            encoding="UTF-8",
            xml_declaration=True,
            pretty_print=True,
        )
