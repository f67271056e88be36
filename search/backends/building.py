"""A rebuild of the database index in committed batches, resumable after an interruption.

Each batch replaces its documents by key and commits, with the build's position (the
source and object primary key it reached) and the vocabulary counted so far, in the
same transaction. So an interrupted ``search_reindex`` loses at most one batch, and
``search_reindex --resume`` continues from the position. Searches keep working all
along: every document is there in its old or its new version. When the last batch is
in, the rows of earlier builds go (objects no provider yields any more: deleted,
unpublished, disposed) and the vocabulary is replaced by the build's counts.

Rows written by incremental indexing during a build carry the newest build's id, so
the final prune keeps them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from ..documents import SearchDocument
from ..models import IndexBuild, IndexedDocument, IndexedPrincipal, IndexedWord
from .base import BATCH_SIZE, batched

# ``documents_after(position)``: the documents from ``position`` on (``{}``: all), in
# provider order and, within a source, in primary-key order.
DocumentsAfter = Callable[[dict], Iterable[SearchDocument]]


def current_build_id() -> int | None:
    """The build incremental writes belong to (the newest, finished or not)."""
    return IndexBuild.objects.order_by("-pk").values_list("pk", flat=True).first()


def unfinished_build() -> IndexBuild | None:
    return IndexBuild.objects.filter(finished_at=None).order_by("-pk").first()


def position_of(doc: SearchDocument) -> dict:
    """Where a document sits in the provider order: its source and object primary key."""
    tail = doc.object_key.rsplit(":", 1)[1]
    return {"source": doc.source, "pk": int(tail) if tail.isdigit() else tail}


def run_build(
    backend,
    documents_after: DocumentsAfter,
    *,
    progress: Callable[[int], None] | None = None,
    resume: bool = False,
    batch_size: int = BATCH_SIZE,
) -> int:
    """Build (or, with ``resume``, continue) the index; returns the documents written
    by this build in all (those of an interrupted run included)."""
    build = unfinished_build() if resume else None
    if build is None:
        build = IndexBuild.objects.create()
    elif progress and build.written:
        progress(build.written)  # the bar starts where the interrupted run stopped
    vocabulary: Counter[str] = Counter(build.vocabulary)
    for batch in batched(documents_after(dict(build.position)), batch_size):
        with transaction.atomic():
            backend._delete_keys([d.key for d in batch])
            written = backend._insert(batch, vocabulary=vocabulary, build=build.pk)
            build.written += written
            build.position = position_of(batch[-1])
            build.vocabulary = dict(vocabulary)
            build.save(update_fields=["written", "position", "vocabulary"])
        if progress:
            progress(written)
    with transaction.atomic():
        _prune(build.pk)
        IndexedWord.objects.all()._raw_delete(connection.alias)
        IndexedWord.objects.bulk_create(
            [IndexedWord(word=w, documents=n) for w, n in vocabulary.items()], batch_size=5000
        )
        build.finished_at = timezone.now()
        build.vocabulary = {}  # served its purpose; the words are in IndexedWord now
        build.save(update_fields=["finished_at", "vocabulary"])
        # Earlier builds are history; keeping only this one keeps "newest" cheap.
        IndexBuild.objects.filter(pk__lt=build.pk).delete()
    # After the commit: PostgreSQL vacuums there, which no transaction may enclose.
    backend._after_rebuild()
    return build.written


def _prune(build_id: int) -> None:
    """Remove the rows no provider yielded in this build, in slices of ids."""
    stale = IndexedDocument.objects.filter(Q(build__isnull=True) | Q(build__lt=build_id))
    ids = list(stale.values_list("id", flat=True))
    for start in range(0, len(ids), BATCH_SIZE * 10):
        part = ids[start : start + BATCH_SIZE * 10]
        IndexedPrincipal.objects.filter(document_id__in=part)._raw_delete(connection.alias)
        IndexedDocument.objects.filter(id__in=part)._raw_delete(connection.alias)
