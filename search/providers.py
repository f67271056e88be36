"""Where documents come from: one provider module per source, imported plainly.

A provider is a module with

* ``SOURCE``: the key prefix, e.g. ``"forum.thread"`` (keys are ``"forum.thread:12"``;
  a second document for the same object adds ``#variant``: ``"archive.entry:31#public"``);
* ``documents(pks=None) -> Iterator[SearchDocument]``: the documents for the objects
  with these primary keys (every object when ``None``). An object that should not be
  findable (deleted, unpublished, disposed) yields nothing and is removed from the index.
  Principals come from ``access``; the provider never decides access itself.

Apps ask for re-indexing after a change with ``search.tasks.index_later(SOURCE, pk)``.
"""

from __future__ import annotations

from types import ModuleType

from archive import search as archive_search
from forum import search as forum_search
from handbook import search as handbook_search

PROVIDERS: tuple[ModuleType, ...] = (handbook_search, forum_search, archive_search)


def provider(source: str) -> ModuleType:
    for module in PROVIDERS:
        if module.SOURCE == source:
            return module
    raise LookupError(f"No search provider for {source!r}")


def sources() -> list[str]:
    return [module.SOURCE for module in PROVIDERS]
