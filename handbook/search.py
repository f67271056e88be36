"""Handbook pages as search documents: the published version of each chapter and page.

The provider contract (``search/providers.py``): ``documents(pks=None)`` yields a
``SearchDocument`` for every live, published chapter or page among ``pks`` (all when
``None``). The page row holds what is published (Wagtail keeps drafts in revisions),
so draft changes are never indexed; a page that is unpublished, deleted or was never
published yields nothing and is removed from the index.

``handbook.services.version_record_publish`` (every publish), the unpublish and
privacy hooks in ``handbook.apps`` and the move hook in ``handbook.wagtail_hooks`` ask
for re-indexing with ``index_later``. Who may find a page (``{"all"}``, or the
principal of the private page above it) comes from ``access``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from wagtail.models import Page

import access
from search.documents import HANDBOOK, SearchDocument

from .blocks import block_text
from .models import ChapterPage, ControlledPage, DocumentStatus, HandbookPage

SOURCE = "handbook.page"
BATCH = 200
WITHDRAWN_BOOST = 0.5  # still findable (people look up old routines) but below current ones


def key(page_id: int) -> str:
    return f"{SOURCE}:{page_id}"


def _published(model):
    return model.objects.live().filter(version_major__gt=0).order_by("pk")


def documents(pks: Iterable[int] | None = None) -> Iterator[SearchDocument]:
    wanted = None if pks is None else list(pks)
    for model in (ChapterPage, HandbookPage):
        pages = _published(model)
        if wanted is not None:
            pages = pages.filter(pk__in=wanted)
        batch: list[ControlledPage] = []
        for page in pages.iterator(chunk_size=BATCH):
            batch.append(page)
            if len(batch) >= BATCH:
                yield from _documents(batch)
                batch = []
        if batch:
            yield from _documents(batch)


def _documents(pages: list[ControlledPage]) -> Iterator[SearchDocument]:
    parent_paths = {p.path[: -Page.steplen] for p in pages if isinstance(p, HandbookPage)}
    sections = dict(Page.objects.filter(path__in=parent_paths).values_list("path", "title"))
    restrictions = access.handbook_restrictions()
    for page in pages:
        principals = access.principals_for_handbook_page(page, restrictions)
        if not principals:
            continue
        section = sections.get(page.path[: -Page.steplen], "") if page.depth else ""
        if isinstance(page, ChapterPage):
            section = page.title
        body = "\n\n".join(filter(None, (block_text(block) for block in page.body)))
        yield SearchDocument(
            key=key(page.pk),
            type=HANDBOOK,
            title=page.title,
            body=body,
            url=page.get_url() or page.url_path,
            principals=frozenset(principals),
            date=page.last_published_at,
            unit_id=page.owner_unit_id,
            boost=WITHDRAWN_BOOST if page.document_status == DocumentStatus.WITHDRAWN else 1.0,
            extra={
                "section": section,
                "version": page.version_label,
                "status": page.document_status,
            },
        )


def count() -> int:
    return sum(_published(model).count() for model in (ChapterPage, HandbookPage))
