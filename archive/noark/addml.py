"""``arkivuttrekk.xml``: the ADDML 8.3 description of an extract.

Filled in following Riksarkivaren's Noark 5 template (arkivverket/addml-standard
``maler/noark5.xml``) in its original order: Arkade reads some values by
position (N5.28 takes ``antallDokumentfiler`` from the first dataObject).
It lists the SHA-256 of every XML file and schema in the package, except
itself and addml.xsd; metadatakatalog.xsd's checksum only where it first occurs.
"""

from __future__ import annotations

from django.conf import settings
from lxml import etree

from . import common as ex

A = ex.NS_ADDML


def _el(parent, tag: str, **attrs):
    return etree.SubElement(parent, f"{{{A}}}{tag}", attrs)


def _value(parent, text) -> None:
    _el(parent, "value").text = str(text)


class _Props:
    """``<properties>`` of an element, created the first time a property is added."""

    def __init__(self, owner):
        self.owner = owner
        self.container = None

    def add(self, name: str, value=None, data_type: str | None = None):
        if self.container is None:
            self.container = _el(self.owner, "properties")
        attrs = {"dataType": data_type} if data_type else {}
        prop = _el(self.container, "property", **attrs)
        prop.set("name", name)
        if value is not None:
            _value(prop, value)
        return _Props(prop)


def _additional(parent, name: str, value=None):
    element = _el(parent, "additionalElement", name=name)
    if value is not None:
        _value(element, value)
    return element


def _file(props: _Props, name: str, checksum: str | None) -> None:
    file_ = props.add("file")
    file_.add("name", name)
    if checksum is None:
        return
    file_.add("format", "XML").add("version", "1.0")
    check = file_.add("checksum")
    check.add("algorithm", "SHA-256")
    check.add("value", checksum)


def _schema(props: _Props, name: str, checksum: str | None, *, main: bool) -> None:
    schema = props.add("schema", "main" if main else None)
    _file(schema, name, checksum)
    if checksum is not None:
        schema.add("type", "XML Schema").add("version", "1.0")


def _occurrences(info: _Props, element: str, count: int) -> None:
    occ = info.add("numberOfOccurrences", element)
    occ.add("elementPath", f"//{element}")
    occ.add("value", count, data_type="integer")


def addml_document(extract, result: ex.ExtractResult):
    fonds = extract.fonds
    xsd = {p.name: ex._sha256(p) for p in ex.SCHEMA_DIR.glob("*.xsd")}
    root = etree.Element(
        f"{{{A}}}addml",
        {f"{{{ex.XSI}}}schemaLocation": f"{A} addml.xsd", "name": "Noark 5-arkivuttrekk"},
        nsmap={None: A, "xsi": ex.XSI},
    )
    dataset = _el(root, "dataset")
    _el(dataset, "description").text = "Noark 5-arkivuttrekk"
    reference = _el(dataset, "reference")
    context = _el(_el(reference, "context"), "additionalElements")
    creators = _el(_additional(context, "recordCreators"), "additionalElements")
    _additional(creators, "recordCreator", fonds.creator_name)
    _additional(context, "systemType", "Sakarkiv (Noark-5)")
    _additional(context, "systemName", settings.ARCHIVE_SYSTEM_NAME)
    _additional(context, "archive", fonds.title)
    content = _el(_el(reference, "content"), "additionalElements")
    period = _Props(_additional(content, "archivalPeriod"))
    period.add("startDate", ex._d(extract.period_start))
    period.add("endDate", ex._d(extract.period_end))

    outer = _el(_el(dataset, "dataObjects"), "dataObject", name="Noark 5-arkivuttrekk")
    info = _Props(outer).add("info")
    info.add("type", "Noark 5").add("version", "5.0")
    extra = info.add("additionalInfo")
    separation = extra.add("periode")
    separation.add("inngaaendeSkille", "skarpt")
    separation.add("utgaaendeSkille", "skarpt")
    extra.add("inneholderSkjermetInformasjon", str(result.screened).lower(), "boolean")
    # What the extract says about disposal has to match what it holds (Noark 5 krav 6.4.27).
    extra.add(
        "omfatterDokumenterSomErKassert", str(result.disposed_documents > 0).lower(), "boolean"
    )
    extra.add(
        "inneholderDokumenterSomSkalKasseres",
        str(result.documents_to_dispose > 0).lower(),
        "boolean",
    )
    extra.add(
        "inneholderVirksomhetsspesifikkeMetadata", str(result.case_types > 0).lower(), "boolean"
    )
    extra.add("antallDokumentfiler", result.documents, "integer")

    inner = _el(outer, "dataObjects")
    files = [
        ("arkivstruktur", [("mappe", result.cases), ("registrering", result.entries)]),
        ("endringslogg", [("endring", result.changes)]),
        ("loependeJournal", [("journalregistrering", result.entries)]),
        ("offentligJournal", [("journalregistrering", result.entries)]),
    ]
    catalogue_listed = False
    for name, counts in files:
        props = _Props(_el(inner, "dataObject", name=name))
        _file(props, f"{name}.xml", result.checksums[f"{name}.xml"])
        _schema(props, f"{name}.xsd", xsd[f"{name}.xsd"], main=True)
        _schema(
            props,
            "metadatakatalog.xsd",
            None if catalogue_listed else xsd["metadatakatalog.xsd"],
            main=False,
        )
        catalogue_listed = True
        info = props.add("info")
        for element, count in counts:
            _occurrences(info, element, count)
    return etree.ElementTree(root)
