"""What the Noark 5 writers share: namespaces, code values, small XML helpers."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.utils import timezone
from lxml import etree

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
N5 = "http://www.arkivverket.no/standarder/noark5/"
NS_STRUCT = N5 + "arkivstruktur"
NS_LOG = N5 + "endringslogg"
NS_RUNNING = N5 + "loependeJournal"
NS_PUBLIC = N5 + "offentligJournal"
NS_ADDML = "http://www.arkivverket.no/standarder/addml"
# Fagrom's own metadata inside <virksomhetsspesifikkeMetadata> (xs:anyType in the XSD):
# the case type, which Noark 5 has no element of its own for.
NS_FAGROM = "urn:fagrom:noark5:virksomhetsspesifikke-metadata"
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
    disposed_documents: int = 0  # descriptions whose file went by the retention schedule
    documents_to_dispose: int = 0  # files still here under a «Kasseres» decision
    case_types: int = 0  # cases with a case type: virksomhetsspesifikke metadata in the extract
    first_journal_date: date | None = None
    last_journal_date: date | None = None
    checksums: dict[str, str] = field(default_factory=dict)
