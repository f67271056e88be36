"""``loependeJournal.xml`` and ``offentligJournal.xml``: the running and the public journal."""

from __future__ import annotations

from django.db.models import Max, Min
from lxml import etree

from ..models import SCREENED, JournalEntry
from .common import (
    ACCESS_RESTRICTION,
    CHUNK,
    NS_PUBLIC,
    NS_RUNNING,
    SENDER_TYPE,
    XSI,
    ExtractResult,
    _d,
    _Leaves,
    _sub,
)


class JournalWriter:
    """Mixed into ``Extract``: writes the two journals."""

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
        rows = entries.select_related("case__archive_class", "case__case_type").in_journal_order()
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
