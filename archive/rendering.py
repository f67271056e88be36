"""Freezing a thread as an archival document: tagged PDF/A-2b rendered with WeasyPrint.

The PDF is tagged (a structure tree for headings, posts and their authors, as
PDF/UA-1 asks) and claims PDF/A-2b; every page carries the case number, the
journal entry's number and the journaling date. A post a moderator removed is
shown as removed, with the reason, unless the records officer journals it
explicitly (with screening, see ``services.thread_journal``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.template.loader import render_to_string
from django.utils import timezone, translation

from forum.models import Thread

PDF_VARIANT = "pdf/a-2b"
FORMAT = "pdf"
FORMAT_DETAILS = "PDF/A-2b (PRONOM fmt/477)"
# WeasyPrint writes one variant's identification; the PDF/UA-1 one is added beside it.
_PDFUA_XMP = (
    b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" '
    b'pdfuaid:part="1"/></rdf:RDF>'
)


@dataclass(frozen=True)
class Stamp:
    """The numbers printed on every page of an archival document."""

    case_number: str
    registry_id: str  # 2026/12-3
    running_number: str  # 431/2026
    journal_date: date


def _no_fetching():
    # Posts are user content: never let the renderer fetch a URL (no SSRF, no
    # tracking pixels, no content that could change after the freeze).
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=())


def thread_html(
    thread: Thread, *, frozen_at=None, stamp: Stamp | None = None, include_removed: bool = False
) -> str:
    posts = thread.posts.select_related("author__org_unit").order_by("position")
    with translation.override("nb"):
        return render_to_string(
            "archive/thread_pdf.html",
            {
                "thread": thread,
                "topic": thread.topic,
                "room": thread.topic.room,
                "posts": posts,
                "frozen_at": frozen_at or timezone.now(),
                "stamp": stamp,
                "include_removed": include_removed,
            },
        )


def _display_title(document, pdf) -> None:
    # PDF/UA: viewers show the document's title, not its file name.
    import pydyf

    pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})


def thread_pdf(
    thread: Thread, *, frozen_at=None, stamp: Stamp | None = None, include_removed: bool = False
) -> bytes:
    """The thread as it stands now, as tagged PDF/A-2b bytes (fonts embedded, sRGB intent)."""
    # Imported here: WeasyPrint and its font stack cost every web process ~43 MB, and
    # only journaling and the records officer's download make PDFs.
    from weasyprint import HTML

    html = thread_html(thread, frozen_at=frozen_at, stamp=stamp, include_removed=include_removed)
    options = {"pdf_variant": PDF_VARIANT, "pdf_tags": True}
    document = HTML(string=html, url_fetcher=_no_fetching()).render(**options)
    document.metadata.xmp_metadata.append(_PDFUA_XMP)
    return document.write_pdf(finisher=_display_title, **options)
