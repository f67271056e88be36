"""``arkivstruktur.xml``: arkiv → arkivdel → klassifikasjonssystem → klasse → saksmappe
→ journalpost → dokumentbeskrivelse → dokumentobjekt, with the retention metadata
(``kassasjon`` on classes, cases and entries; ``utfoertKassasjon`` on disposed documents).
"""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

from django.conf import settings
from django.db.models import Max
from django.utils import timezone
from lxml import etree

from ..models import (
    NOARK_CASE_STATUS,
    NOARK_DISPOSAL_DECISION,
    NOARK_ENTRY_STATUS,
    NOARK_ENTRY_TYPE,
    ArchivalDocument,
    ArchiveClass,
    DisposalDecision,
    JournalEntry,
)
from ..models.journal import years_after
from .common import (
    ACCESS_RESTRICTION,
    MEDIUM,
    NS_FAGROM,
    NS_STRUCT,
    SCREEN_SENDER,
    SCREEN_TITLE,
    SENDER_TYPE,
    XSI,
    XSI_TYPE,
    ExportError,
    ExtractResult,
    _d,
    _dt,
    _Leaves,
    _sub,
)


class StructureWriter:
    """Mixed into ``Extract``: writes arkivstruktur.xml."""

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
        last_closed = dict(
            self.cases()
            .values("archive_class_id")
            .annotate(last=Max("closed_at"))
            .values_list("archive_class_id", "last")
        )
        # Every class goes in, also the unused ones (Noark 5 krav 6.4.13).
        for klass in ArchiveClass.objects.order_by("code"):
            with leaf.element("klasse"):
                leaf("systemID", klass.uuid)
                leaf("klasseID", klass.code)
                leaf("tittel", klass.title)
                leaf("opprettetDato", _dt(klass.created_at))
                leaf("opprettetAv", settings.ARCHIVE_SYSTEM_NAME)
                self._class_disposal(leaf, klass, last_closed.get(klass.pk))
                if pending is not None and pending[0] == klass.pk:
                    for _case_id, entries in itertools.groupby(pending[1], key=lambda e: e.case_id):
                        self._write_case(xf, leaf, entries, result, bar)
                    pending = next(by_class, None)
        if pending is not None:  # pragma: no cover - classes are PROTECTed
            raise ExportError("Journalposter i en klasse som ikke finnes.")

    @staticmethod
    def _class_disposal(leaf, klass: ArchiveClass, last_closed) -> None:
        """The class's line of the retention schedule.

        kassasjonsdato is mandatory in the schema; for a class it is the day from
        which every case of the class in this extract is due (the last one closed
        plus the retention time). A class that keeps its cases, or has none here,
        carries no kassasjon: «Bevares» is what Noark assumes without one.
        """
        if klass.disposal_decision == DisposalDecision.KEEP or klass.retention_years is None:
            return
        if last_closed is None:
            return
        due = years_after(timezone.localdate(last_closed), klass.retention_years)
        with leaf.element("kassasjon"):
            leaf("kassasjonsvedtak", NOARK_DISPOSAL_DECISION[klass.disposal_decision])
            leaf("kassasjonshjemmel", klass.disposal_basis)
            leaf("bevaringstid", klass.retention_years)
            leaf("kassasjonsdato", _d(due))

    @staticmethod
    def _kassasjon(case):
        """``<kassasjon>`` of a case (and its entries): its own schedule or its class's."""
        retention = case.retention
        if retention.decision == DisposalDecision.KEEP or retention.due is None:
            return None
        ns = NS_STRUCT
        el = etree.Element(f"{{{ns}}}kassasjon", nsmap={None: ns})
        _sub(el, ns, "kassasjonsvedtak", retention.noark_decision)
        _sub(el, ns, "kassasjonshjemmel", retention.basis)
        _sub(el, ns, "bevaringstid", retention.years)
        _sub(el, ns, "kassasjonsdato", _d(retention.due))
        return el

    @staticmethod
    def _case_type_metadata(case_type):
        """``<virksomhetsspesifikkeMetadata>`` with the case type (Noark has no sakstype)."""
        el = etree.Element(f"{{{NS_STRUCT}}}virksomhetsspesifikkeMetadata", nsmap={None: NS_STRUCT})
        kind = etree.SubElement(el, f"{{{NS_FAGROM}}}sakstype", nsmap={"fagrom": NS_FAGROM})
        _sub(kind, NS_FAGROM, "kode", case_type.code)
        _sub(kind, NS_FAGROM, "navn", case_type.title)
        return el

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
            if case.case_type_id:
                xf.write(self._case_type_metadata(case.case_type))
                result.case_types += 1
            kassasjon = self._kassasjon(case)
            if kassasjon is not None:
                xf.write(kassasjon)
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
        if (kassasjon := self._kassasjon(entry.case)) is not None:
            reg.append(kassasjon)
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
        disposed = document.disposed_at is not None
        if not disposed:
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
        if (kassasjon := self._kassasjon(entry.case)) is not None:
            desc.append(kassasjon)
        if disposed:
            result.disposed_documents += 1
        elif entry.case.retention.decision == DisposalDecision.DISPOSE:
            result.documents_to_dispose += 1
        if disposed:
            # The file is gone by the retention schedule; the description stays (Noark 5 krav 6.5).
            done = etree.SubElement(desc, f"{{{ns}}}utfoertKassasjon")
            _sub(done, ns, "kassertDato", _dt(document.disposed_at))
            _sub(done, ns, "kassertAv", document.disposed_by_name)
            return
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
