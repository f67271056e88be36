"""Serving a journaled document: only when its bytes are the ones that were journaled."""

from __future__ import annotations

import hashlib

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import access
from fagrom.i18n import site_text

from ..models import ArchivalDocument, ArchiveEvent
from .audit import event_log
from .errors import ArchiveError
from .journaling import private_storage


class DocumentIntegrityError(ArchiveError):
    """The stored file is not the one that was journaled (or it is gone)."""


def _stored_digest(name: str) -> tuple[str, int] | None:
    try:
        handle = private_storage().open(name, "rb")
    except (FileNotFoundError, OSError):
        return None
    h, size = hashlib.sha256(), 0
    with handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def document_open(*, document: ArchivalDocument, by):
    """The stored file, opened for reading; logged, for records officers only.

    The bytes are checked against the SHA-256 and size recorded at journaling
    before anything is served: a file that changed (or went missing) is refused
    with ``DocumentIntegrityError`` and the refusal is in the audit log.
    """
    access.check_keep_records(by)
    registry_id = document.entry.registry_id
    if document.disposed_at is not None:
        raise ArchiveError(
            _("Dokumentet til %(id)s ble kassert %(date)s etter bevaringsplanen.")
            % {"id": registry_id, "date": timezone.localdate(document.disposed_at)}
        )
    digest = _stored_digest(document.file_name)
    if digest != (document.sha256, document.size):
        event_log(
            actor=by,
            action=ArchiveEvent.Action.DOCUMENT_CHECKSUM_FAILED,
            summary=site_text(
                gettext_noop("Arkivdokument for %(id)s stemmer ikke med sjekksummen"),
                {"id": registry_id},
            ),
            unit_uuid=None,
            details={
                "document": document.pk,
                "file": document.file_name,
                "expected": document.sha256,
                "actual": digest[0] if digest else None,
                "missing": digest is None,
            },
        )
        raise DocumentIntegrityError(
            _(
                "Arkivdokumentet til %(id)s stemmer ikke med sjekksummen fra journalføringen "
                "og blir ikke utlevert. Hendelsen er logget; kontakt systemforvalteren."
            )
            % {"id": registry_id}
        )
    event_log(
        actor=by,
        action=ArchiveEvent.Action.DOCUMENT_DOWNLOADED,
        summary=site_text(gettext_noop("Arkivdokument for %(id)s lastet ned"), {"id": registry_id}),
        details={"document": document.pk},
    )
    # Served from bytes already checked, so the file cannot change between check and send.
    return private_storage().open(document.file_name, "rb")
