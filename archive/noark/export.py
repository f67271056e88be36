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

import hashlib
import itertools
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages
from django.db.models import Max, Min, Prefetch, Q
from django.utils import timezone
from lxml import etree
from tqdm import tqdm

from ..models import (
    NOARK_CASE_STATUS,
    NOARK_ENTRY_STATUS,
    NOARK_ENTRY_TYPE,
    SCREENED,
    ArchivalDocument,
    ArchiveClass,
    ArchiveEvent,
    ArchivePart,
    Case,
    JournalEntry,
)

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
N5 = "http://www.arkivverket.no/standarder/noark5/"
NS_STRUCT = N5 + "arkivstruktur"
NS_LOG = N5 + "endringslogg"
NS_RUNNING = N5 + "loependeJournal"
NS_PUBLIC = N5 + "offentligJournal"
NS_ADDML = "http://www.arkivverket.no/standarder/addml"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XSI_TYPE = f"{{{XSI}}}type"

ACCESS_RESTRICTION = "Unntatt offentlighet"
SCREEN_TITLE = "Skjerming tittel registrering - utvalgte ord"
SCREEN_SENDER = "Skjerming navn avsender"
SENDER_TYPE = "Intern avsender"
MEDIUM = "Elektronisk arkiv"
CHUNK = 2000


class ExportError(Exception):
    """The extract cannot be made (nothing to export, a document failed its checksum...)."""


def _dt(value: datetime) -> str:
    return timezone.localtime(value).isoformat(timespec="seconds")


def _d(value: date) -> str:
    return value.isoformat()


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _sub(parent, ns: str, name: str, value) -> None:
    """Append ``<name>value</name>``, leaving the element out when there is no value."""
    if value is None or value == "":
        return
    etree.SubElement(parent, f"{{{ns}}}{name}").text = str(value)


class _Leaves:
    """Writes leaf elements straight into an ``xmlfile`` in one namespace."""

    def __init__(self, xf, ns: str):
        self.xf, self.ns = xf, ns

    def __call__(self, name: str, value) -> None:
        if value is None or value == "":
            return
        with self.xf.element(f"{{{self.ns}}}{name}"):
            self.xf.write(str(value))

    def element(self, name: str, attrs: dict | None = None):
        return self.xf.element(f"{{{self.ns}}}{name}", attrs or {})


@dataclass
class ExtractResult:
    out: Path
    cases: int = 0
    entries: int = 0
    documents: int = 0
    changes: int = 0
    screened: bool = False
    first_journal_date: date | None = None
    last_journal_date: date | None = None
    checksums: dict[str, str] = field(default_factory=dict)


class Extract:
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
            .select_related("case")
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
        qs = self.entries().select_related("case__archive_class").in_journal_order()
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

    # arkivstruktur.xml ------------------------------------------------------------

    def _write_structure(self, result: ExtractResult, bar) -> None:
        fonds, part = self.fonds, self.part
        with etree.xmlfile(str(self.out / "arkivstruktur.xml"), encoding="UTF-8") as xf:
            xf.write_declaration()
            leaf = _Leaves(xf, NS_STRUCT)
            root_attrs = {
                f"{{{XSI}}}schemaLocation": f"{NS_STRUCT} arkivstruktur.xsd",
            }
            with xf.element(
                f"{{{NS_STRUCT}}}arkiv", root_attrs, nsmap={None: NS_STRUCT, "xsi": XSI}
            ):
                leaf("systemID", fonds.uuid)
                leaf("tittel", fonds.title)
                leaf("dokumentmedium", MEDIUM)
                leaf("opprettetDato", _dt(fonds.created_at))
                leaf("opprettetAv", settings.ARCHIVE_SYSTEM_NAME)
                leaf("avsluttetDato", _dt(self.now))
                leaf("avsluttetAv", self.by_name)
                with leaf.element("arkivskaper"):
                    leaf("arkivskaperID", fonds.creator_id)
                    leaf("arkivskaperNavn", fonds.creator_name)
                with leaf.element("arkivdel"):
                    leaf("systemID", part.uuid)
                    leaf("tittel", part.title)
                    leaf("arkivdelstatus", "Avsluttet periode")
                    leaf("dokumentmedium", MEDIUM)
                    leaf("opprettetDato", _dt(part.created_at))
                    leaf("opprettetAv", part.created_by_name)
                    leaf("avsluttetDato", _dt(self.now))
                    leaf("avsluttetAv", self.by_name)
                    leaf("arkivperiodeStartDato", _d(self.period_start))
                    leaf("arkivperiodeSluttDato", _d(self.period_end))
                    with leaf.element("klassifikasjonssystem"):
                        leaf("systemID", fonds.classification_uuid)
                        leaf("klassifikasjonstype", "Funksjonsbasert, hierarkisk")
                        leaf("tittel", fonds.classification_title)
                        leaf("opprettetDato", _dt(fonds.created_at))
                        leaf("opprettetAv", settings.ARCHIVE_SYSTEM_NAME)
                        self._write_classes(xf, leaf, result, bar)

    def _write_classes(self, xf, leaf, result, bar) -> None:
        by_class = itertools.groupby(
            self._entries_for_structure(), key=lambda e: e.case.archive_class_id
        )
        pending = next(by_class, None)
        # Every class goes in, also the unused ones (Noark 5 krav 6.4.13).
        for klass in ArchiveClass.objects.order_by("code"):
            with leaf.element("klasse"):
                leaf("systemID", klass.uuid)
                leaf("klasseID", klass.code)
                leaf("tittel", klass.title)
                leaf("opprettetDato", _dt(klass.created_at))
                leaf("opprettetAv", settings.ARCHIVE_SYSTEM_NAME)
                if pending is not None and pending[0] == klass.pk:
                    for _case_id, entries in itertools.groupby(pending[1], key=lambda e: e.case_id):
                        self._write_case(xf, leaf, entries, result, bar)
                    pending = next(by_class, None)
        if pending is not None:  # pragma: no cover - classes are PROTECTed
            raise ExportError("Journalposter i en klasse som ikke finnes.")

    def _write_case(self, xf, leaf, entries, result, bar) -> None:
        first = next(entries)
        case = first.case
        with leaf.element("mappe", {XSI_TYPE: "saksmappe"}):
            leaf("systemID", case.uuid)
            leaf("mappeID", case.number)
            leaf("tittel", case.title)
            leaf("offentligTittel", case.public_title)
            leaf("dokumentmedium", MEDIUM)
            leaf("opprettetDato", _dt(case.created_at))
            leaf("opprettetAv", case.created_by_name)
            leaf("avsluttetDato", _dt(case.closed_at))
            leaf("avsluttetAv", case.closed_by_name)
            leaf("referanseArkivdel", self.part.uuid)
            for entry in itertools.chain([first], entries):
                xf.write(self._registration(entry, result))
                xf.write("\n")
                bar.update(1)
            leaf("saksaar", case.year)
            leaf("sakssekvensnummer", case.sequence_number)
            leaf("saksdato", _d(timezone.localdate(case.created_at)))
            leaf("administrativEnhet", case.responsible_unit_name)
            leaf("saksansvarlig", case.case_officer_name)
            leaf("saksstatus", NOARK_CASE_STATUS[case.status])

    def _registration(self, entry: JournalEntry, result: ExtractResult):
        ns = NS_STRUCT
        reg = etree.Element(
            f"{{{ns}}}registrering", {XSI_TYPE: "journalpost"}, nsmap={None: ns, "xsi": XSI}
        )
        _sub(reg, ns, "systemID", entry.uuid)
        _sub(reg, ns, "opprettetDato", _dt(entry.created_at))
        _sub(reg, ns, "opprettetAv", entry.journaled_by_name)
        _sub(reg, ns, "arkivertDato", _dt(entry.created_at))
        _sub(reg, ns, "arkivertAv", entry.journaled_by_name)
        _sub(reg, ns, "referanseArkivdel", self.part.uuid)
        if entry.is_screened:
            skjerming = etree.SubElement(reg, f"{{{ns}}}skjerming")
            _sub(skjerming, ns, "tilgangsrestriksjon", ACCESS_RESTRICTION)
            _sub(skjerming, ns, "skjermingshjemmel", entry.screening_basis)
            for what in self._screened_metadata(entry):
                _sub(skjerming, ns, "skjermingMetadata", what)
        for document in entry.documents.all():
            self._document(reg, entry, document, result)
        _sub(reg, ns, "registreringsID", entry.registry_id)
        _sub(reg, ns, "tittel", entry.title)
        _sub(reg, ns, "offentligTittel", entry.public_title)
        part = etree.SubElement(reg, f"{{{ns}}}korrespondansepart")
        _sub(part, ns, "korrespondanseparttype", SENDER_TYPE)
        _sub(part, ns, "korrespondansepartNavn", entry.sender_name)
        _sub(part, ns, "administrativEnhet", entry.sender_unit_name)
        _sub(reg, ns, "journalaar", entry.year)
        _sub(reg, ns, "journalsekvensnummer", entry.sequence_number)
        _sub(reg, ns, "journalpostnummer", entry.document_number)
        _sub(reg, ns, "journalposttype", NOARK_ENTRY_TYPE[entry.type])
        _sub(reg, ns, "journalstatus", NOARK_ENTRY_STATUS[entry.status])
        _sub(reg, ns, "journaldato", _d(entry.journal_date))
        _sub(reg, ns, "dokumentetsDato", _d(entry.document_date))
        return reg

    @staticmethod
    def _screened_metadata(entry: JournalEntry) -> list[str]:
        return [
            what
            for flag, what in (
                (entry.screen_title, SCREEN_TITLE),
                (entry.screen_names, SCREEN_SENDER),
            )
            if flag
        ]

    def _document(self, reg, entry, document: ArchivalDocument, result: ExtractResult) -> None:
        ns = NS_STRUCT
        relative = "DOKUMENT/" + document.file_name.removeprefix("archive/")
        self._copy_document(document, self.out / relative)
        result.documents += 1
        desc = etree.SubElement(reg, f"{{{ns}}}dokumentbeskrivelse")
        _sub(desc, ns, "systemID", document.uuid)
        _sub(desc, ns, "dokumenttype", document.document_type)
        _sub(desc, ns, "dokumentstatus", "Dokumentet er ferdigstilt")
        _sub(desc, ns, "tittel", document.title)
        _sub(desc, ns, "opprettetDato", _dt(document.created_at))
        _sub(desc, ns, "opprettetAv", document.created_by_name)
        _sub(
            desc,
            ns,
            "tilknyttetRegistreringSom",
            "Hoveddokument" if document.document_number == 1 else "Vedlegg",
        )
        _sub(desc, ns, "dokumentnummer", document.document_number)
        _sub(desc, ns, "tilknyttetDato", _dt(document.created_at))
        _sub(desc, ns, "tilknyttetAv", document.created_by_name)
        obj = etree.SubElement(desc, f"{{{ns}}}dokumentobjekt")
        _sub(obj, ns, "systemID", document.object_uuid)
        _sub(obj, ns, "versjonsnummer", 1)
        _sub(obj, ns, "variantformat", "Arkivformat")
        _sub(obj, ns, "format", document.format)
        _sub(obj, ns, "formatDetaljer", document.format_details)
        _sub(obj, ns, "opprettetDato", _dt(document.created_at))
        _sub(obj, ns, "opprettetAv", document.created_by_name)
        _sub(obj, ns, "referanseDokumentfil", relative)
        _sub(obj, ns, "sjekksum", document.sha256)
        _sub(obj, ns, "sjekksumAlgoritme", "SHA256")
        _sub(obj, ns, "filstoerrelse", document.size)

    def _copy_document(self, document: ArchivalDocument, target: Path) -> None:
        """Copy the stored file, refusing one whose bytes no longer match the record."""
        target.parent.mkdir(parents=True, exist_ok=True)
        h = hashlib.sha256()
        size = 0
        with self.storage.open(document.file_name, "rb") as src, open(target, "wb") as dst:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                h.update(chunk)
                size += len(chunk)
                dst.write(chunk)
        if h.hexdigest() != document.sha256 or size != document.size:
            raise ExportError(
                f"Arkivdokument {document.file_name} stemmer ikke med sjekksummen som ble "
                "registrert ved journalføringen. Uttrekket er stoppet."
            )

    # loependeJournal.xml / offentligJournal.xml ---------------------------------------

    def _write_journal(self, result: ExtractResult, bar, *, public: bool) -> None:
        name = "offentligJournal" if public else "loependeJournal"
        self._journal_file(
            str(self.out / f"{name}.xml"),
            self._entries_for_journals(),
            first=result.first_journal_date,
            last=result.last_journal_date,
            count=result.entries,
            public=public,
            bar=bar,
        )

    def write_public_journal(self, entries, target) -> int:
        """offentligJournal.xml of ``entries`` (any status) into ``target``; returns the count."""
        from ..services.journaling import fonds_get

        self.fonds = fonds_get()
        agg = entries.aggregate(first=Min("journal_date"), last=Max("journal_date"))
        count = entries.count()
        rows = entries.select_related("case__archive_class").in_journal_order()
        self._journal_file(
            target,
            rows.iterator(chunk_size=CHUNK),
            first=agg["first"],
            last=agg["last"],
            count=count,
            public=True,
        )
        return count

    def _journal_file(self, target, entries, *, first, last, count, public, bar=None) -> None:
        ns = NS_PUBLIC if public else NS_RUNNING
        name = "offentligJournal" if public else "loependeJournal"
        with etree.xmlfile(target, encoding="UTF-8") as xf:
            xf.write_declaration()
            leaf = _Leaves(xf, ns)
            attrs = {f"{{{XSI}}}schemaLocation": f"{ns} {name}.xsd"}
            with xf.element(f"{{{ns}}}{name}", attrs, nsmap={None: ns, "xsi": XSI}):
                with leaf.element("journalhode"):
                    leaf("journalStartDato", _d(first) if first else None)
                    leaf("journalSluttDato", _d(last) if last else None)
                    leaf("seleksjon", "journaldato")
                    leaf("antallJournalposter", count)
                    with leaf.element("arkivskaper"):
                        leaf("arkivskaperID", self.fonds.creator_id)
                        leaf("arkivskaperNavn", self.fonds.creator_name)
                for entry in entries:
                    xf.write(self._journal_registration(entry, ns, public=public))
                    xf.write("\n")
                    if bar is not None:
                        bar.update(1)

    def _journal_registration(self, entry: JournalEntry, ns: str, *, public: bool):
        case = entry.case
        reg = etree.Element(f"{{{ns}}}journalregistrering", nsmap={None: ns})
        klass = etree.SubElement(reg, f"{{{ns}}}klasse")
        _sub(klass, ns, "klasseID", case.archive_class.code)
        _sub(klass, ns, "tittel", case.archive_class.title)
        folder = etree.SubElement(reg, f"{{{ns}}}saksmappe")
        _sub(folder, ns, "mappeID", case.number)
        _sub(folder, ns, "saksaar", case.year)
        _sub(folder, ns, "sakssekvensnummer", case.sequence_number)
        if not public:
            _sub(folder, ns, "tittel", case.title)
        _sub(folder, ns, "offentligTittel", case.public_title)
        _sub(folder, ns, "administrativEnhet", case.responsible_unit_name)
        _sub(folder, ns, "saksansvarlig", case.case_officer_name)
        if not public:
            _sub(folder, ns, "referanseArkivdel", self.part.uuid)
        post = etree.SubElement(reg, f"{{{ns}}}journalpost")
        _sub(post, ns, "systemID", entry.uuid)
        _sub(post, ns, "registreringsID", entry.registry_id)
        _sub(post, ns, "journalaar", entry.year)
        _sub(post, ns, "journalsekvensnummer", entry.sequence_number)
        _sub(post, ns, "journalpostnummer", entry.document_number)
        if public:
            _sub(post, ns, "offentligTittel", entry.shown_title)
        else:
            _sub(post, ns, "tittel", entry.title)
            _sub(post, ns, "offentligTittel", entry.public_title)
        screened = self._screened_metadata(entry)
        if screened:  # the journal schemas allow one value; the title one matters most
            _sub(post, ns, "skjermingMetadata", screened[0])
        _sub(post, ns, "journaldato", _d(entry.journal_date))
        _sub(post, ns, "dokumentetsDato", _d(entry.document_date))
        if not public:
            _sub(post, ns, "antallVedlegg", 0)
        _sub(post, ns, "administrativEnhet", entry.responsible_unit_name)
        _sub(post, ns, "saksbehandler", entry.journaled_by_name)
        if entry.is_screened:
            _sub(post, ns, "tilgangsrestriksjon", ACCESS_RESTRICTION)
            _sub(post, ns, "skjermingshjemmel", entry.screening_basis)
        part = etree.SubElement(post, f"{{{ns}}}korrespondansepart")
        _sub(part, ns, "korrespondanseparttype", SENDER_TYPE)
        _sub(
            part,
            ns,
            "korrespondansepartNavn",
            SCREENED if public and entry.screen_names else entry.sender_name,
        )
        return reg

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
