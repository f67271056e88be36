"""What every search backend answers, and helpers they share."""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterable, Set

from ..documents import SearchDocument, SearchQuery, SearchResults, Suggestion

BATCH_SIZE = 500
MAX_BODY_CHARS = 200_000  # PostgreSQL's tsvector holds at most 1 MB; nobody reads further anyway


class SearchBackend(abc.ABC):
    name: str

    @abc.abstractmethod
    def index(self, docs: Iterable[SearchDocument]) -> int:
        """Add or replace documents (by key). Returns how many were written."""

    @abc.abstractmethod
    def delete(self, keys: Iterable[str]) -> None:
        """Remove documents by object key, with their variants (``key#...``); unknown keys are ignored."""

    def replace(self, object_keys: list[str], docs: Iterable[SearchDocument]) -> int:
        """Replace everything indexed for these objects with ``docs`` (which may be none)."""
        self.delete(object_keys)
        return self.index(docs)

    @abc.abstractmethod
    def rebuild(
        self, docs: Iterable[SearchDocument], progress: Callable[[int], None] | None = None
    ) -> int:
        """Replace the whole index with ``docs``; searches keep working meanwhile (the
        database commits batch by batch, Elasticsearch swaps a finished index in)."""

    @abc.abstractmethod
    def search(self, query: SearchQuery, principals: Set[str]) -> SearchResults:
        """Hits (with safe HTML snippets), total and facet counts, among what ``principals`` see."""

    @abc.abstractmethod
    def suggest(self, prefix: str, principals: Set[str], limit: int = 8) -> list[Suggestion]:
        """Titles matching what is being typed, among what ``principals`` see."""

    def keys(self, source: str) -> set[str]:
        """Keys of one source's documents in the index (for pruning after a rebuild)."""
        raise NotImplementedError


def batched(iterable: Iterable, size: int = BATCH_SIZE):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
