"""Files written whole or not at all, and kept only when the database keeps their record.

``storage_save`` writes to a temporary name (``<name>.partial``) and moves the
file to its real name only once every byte is written; if the write fails
(disk full, quota, lost mount) the partial file is removed and
``StorageWriteError`` carries a message for the person. ``files_atomic()`` is
``transaction.atomic()`` that also removes the files saved inside it when the
transaction rolls back, so no file outlives a record that was never written.

The move happens before the commit rather than after it on purpose: a crash
between commit and move would leave a record whose file is missing (lost
data), while a crash between move and commit leaves only a file no record
points to, which ``manage.py storage_check --delete`` sweeps.
"""

from __future__ import annotations

import logging
import os
import threading
from contextlib import contextmanager

from django.db import transaction
from django.utils.translation import gettext as _

logger = logging.getLogger("fagrom.storage")

PARTIAL_SUFFIX = ".partial"
_pending = threading.local()  # a stack of [(storage, name), …], one list per files_atomic()


class StorageWriteError(Exception):
    """A file could not be stored; ``message`` says so in words for the person."""

    def __init__(self, message: str = ""):
        message = message or _(
            "Filen kunne ikke lagres fordi lagringsplassen er full eller utilgjengelig. "
            "Ingenting er publisert, og teksten din er tatt vare på. Prøv igjen senere, "
            "eller send uten vedlegg."
        )
        super().__init__(message)
        self.message = message


def _remove(storage, name: str) -> None:
    try:
        if storage.exists(name):
            storage.delete(name)
    except OSError:
        logger.exception("could not remove %s", name)


def _move(storage, source: str, target: str) -> None:
    if hasattr(storage, "path"):
        try:
            local = storage.path(source)
        except NotImplementedError:
            local = None
        if local is not None:
            os.replace(local, storage.path(target))  # atomic on one file system
            return
    with storage.open(source, "rb") as handle:  # object storage: copy, then delete
        if storage.save(target, handle) != target:
            raise OSError(f"storage renamed {target}")
    storage.delete(source)


def storage_save(*, storage, name: str, content) -> str:
    """Store ``content`` under exactly ``name`` (which must be new); all or nothing."""
    partial = name + PARTIAL_SUFFIX
    try:
        stored = storage.save(partial, content)
        if stored != partial:  # the storage picked another name: never accept it
            _remove(storage, stored)
            raise OSError(f"storage renamed {partial} to {stored}")
        if storage.exists(name):
            raise OSError(f"{name} exists already")
        _move(storage, partial, name)
    except OSError as exc:
        _remove(storage, partial)
        logger.error(
            "storage write failed for %s: %s", name, exc, extra={"event": "storage_failed"}
        )
        raise StorageWriteError() from exc
    stack = getattr(_pending, "stack", None)
    if stack:
        stack[-1].append((storage, name))
    return name


@contextmanager
def files_atomic():
    """``transaction.atomic()`` that removes the files ``storage_save`` wrote in it on rollback."""
    stack = _pending.__dict__.setdefault("stack", [])
    stack.append([])
    try:
        with transaction.atomic():
            yield
    except BaseException:
        for storage, name in stack.pop():
            _remove(storage, name)
        raise
    else:
        saved = stack.pop()
        if stack:  # an outer files_atomic() still decides whether they stay
            stack[-1].extend(saved)


# What points at files: apps register the names their records hold (storage_check).
_references: dict[str, tuple[str, object]] = {}


def storage_references_register(*, prefix: str, storage_alias: str, names) -> None:
    """``names()`` gives every file name under ``prefix`` that a record points to."""
    _references[prefix] = (storage_alias, names)


def storage_orphans() -> list[tuple[str, str]]:
    """(storage alias, name) of every file under a registered prefix that no record points to.

    ``.partial`` files are always orphans: a finished write has moved its file.
    Files younger than a minute are left out: their transaction may not have
    committed yet.
    """
    import time

    from django.core.files.storage import storages

    orphans = []
    for prefix, (alias, names) in sorted(_references.items()):
        storage = storages[alias]
        known = set(names())
        for name in _walk(storage, prefix.rstrip("/")):
            if name in known:
                continue
            try:
                age = time.time() - storage.get_modified_time(name).timestamp()
            except (NotImplementedError, OSError):
                age = None
            if age is not None and age < 60:
                continue
            orphans.append((alias, name))
    return orphans


def _walk(storage, folder: str):
    try:
        folders, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        yield f"{folder}/{name}"
    for sub in folders:
        yield from _walk(storage, f"{folder}/{sub}")
