"""Freezing a thread as an archival document: PDF/A-2b rendered with WeasyPrint."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from forum.models import Thread

PDF_VARIANT = "pdf/a-2b"
FORMAT = "pdf"
FORMAT_DETAILS = "PDF/A-2b (PRONOM fmt/477)"


def _no_fetching() -> URLFetcher:
    # Posts are user content: never let the renderer fetch a URL (no SSRF, no
    # tracking pixels, no content that could change after the freeze).
    return URLFetcher(allowed_protocols=())


def thread_html(thread: Thread, *, frozen_at=None) -> str:
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
            },
        )


def thread_pdf(thread: Thread, *, frozen_at=None) -> bytes:
    """The thread as it stands now, as PDF/A-2b bytes (fonts embedded, sRGB intent)."""
    html = thread_html(thread, frozen_at=frozen_at)
    return HTML(string=html, url_fetcher=_no_fetching()).write_pdf(pdf_variant=PDF_VARIANT)
