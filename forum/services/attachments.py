"""Attachments: check a file by its content, store it privately under a random name.

The name a person gave a file and the type their browser claimed are never
trusted: the type is read from the bytes (magic numbers via ``filetype``, and
for Office/OpenDocument files the zip's ``[Content_Types].xml`` or
``mimetype`` entry), and the file name's extension must agree with it.
"""

from __future__ import annotations

import hashlib
import secrets
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

import filetype
from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

import access
from fagrom.storage import storage_save

from ..models import Attachment, Post


@dataclass(frozen=True)
class FileKind:
    mime: str
    extensions: tuple[str, ...]
    label: str


def _kinds() -> dict[str, FileKind]:
    ooxml = "application/vnd.openxmlformats-officedocument."
    odf = "application/vnd.oasis.opendocument."
    return {
        "pdf": FileKind("application/pdf", ("pdf",), _("et PDF-dokument")),
        "docx": FileKind(ooxml + "wordprocessingml.document", ("docx",), _("et Word-dokument")),
        "xlsx": FileKind(ooxml + "spreadsheetml.sheet", ("xlsx",), _("et Excel-regneark")),
        "pptx": FileKind(
            ooxml + "presentationml.presentation", ("pptx",), _("en PowerPoint-presentasjon")
        ),
        "odt": FileKind(odf + "text", ("odt",), _("et OpenDocument-tekstdokument")),
        "ods": FileKind(odf + "spreadsheet", ("ods",), _("et OpenDocument-regneark")),
        "png": FileKind("image/png", ("png",), _("et PNG-bilde")),
        "jpeg": FileKind("image/jpeg", ("jpg", "jpeg"), _("et JPEG-bilde")),
        "gif": FileKind("image/gif", ("gif",), _("et GIF-bilde")),
        "webp": FileKind("image/webp", ("webp",), _("et WebP-bilde")),
    }


KINDS = tuple(_kinds())  # the allowed kinds, for documentation and forms
ACCEPT = ",".join(f".{ext}" for kind in _kinds().values() for ext in kind.extensions)

# The main part's content type names the kind of an Office Open XML package;
# macro-enabled variants (docm, xlsm, pptm) have other names and are refused.
_OOXML_MAIN = {
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": (
        "docx",
        "word/",
    ),
    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": (
        "xlsx",
        "xl/",
    ),
    b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": (
        "pptx",
        "ppt/",
    ),
}
_ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
_IMAGE_MIMES = {"image/png": "png", "image/jpeg": "jpeg", "image/gif": "gif", "image/webp": "webp"}
_MAX_MANIFEST = 1024 * 1024  # [Content_Types].xml is a few kB; refuse to inflate more


class AttachmentError(Exception):
    """A file that cannot be attached; ``message`` says why, in Norwegian."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _zip_kind(fileobj) -> str | None:
    try:
        with zipfile.ZipFile(fileobj) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size > 200:
                    return None
                return _ODF_MIMETYPES.get(archive.read(info).strip())
            if "[Content_Types].xml" in names:
                info = archive.getinfo("[Content_Types].xml")
                if info.file_size > _MAX_MANIFEST:
                    return None
                manifest = archive.read(info)
                for content_type, (kind, folder) in _OOXML_MAIN.items():
                    if b'"' + content_type + b'"' in manifest and any(
                        n.startswith(folder) for n in names
                    ):
                        return kind
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, ValueError):
        return None
    return None


def detect_kind(fileobj) -> str | None:
    """The allowed kind the bytes of ``fileobj`` are, or None. Leaves the file at its start."""
    fileobj.seek(0)
    head = fileobj.read(8192)
    fileobj.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return "pdf"
        if head.startswith(b"PK\x03\x04"):
            return _zip_kind(fileobj)
        guess = filetype.guess(head)
        return _IMAGE_MIMES.get(guess.mime) if guess else None
    finally:
        fileobj.seek(0)


def clean_filename(name: str, kind: str | None = None) -> str:
    """A display name without paths, control characters or characters that trip up file systems."""
    name = unicodedata.normalize("NFC", str(name or "")).replace("\\", "/")
    name = PurePosixPath(name).name
    name = "".join(
        "_" if ch in '<>:"/|?*' else ch
        for ch in name
        if unicodedata.category(ch) not in {"Cc", "Cf", "Zl", "Zp"}
    ).strip(" .")
    if len(name) > 150:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: 150 - len(ext) - 1] + dot + ext) if dot and len(ext) <= 10 else name[:150]
    if not name or name.startswith("."):
        ext = _kinds()[kind].extensions[0] if kind else "bin"
        name = f"vedlegg.{ext}"
    return name


def _extension(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


@dataclass(frozen=True)
class CheckedFile:
    file: object
    name: str
    kind: str
    mime: str
    size: int


def attachment_check(upload) -> CheckedFile:
    """Check one uploaded file; raise ``AttachmentError`` with a message the person understands."""
    shown = clean_filename(getattr(upload, "name", ""))
    size = upload.size
    if not size:
        raise AttachmentError(_("Filen «%(name)s» er tom.") % {"name": shown})
    if size > settings.ATTACHMENT_MAX_SIZE:
        raise AttachmentError(
            _("Filen «%(name)s» er for stor (%(size)s). Største tillatte størrelse er %(max)s.")
            % {
                "name": shown,
                "size": filesizeformat(size),
                "max": filesizeformat(settings.ATTACHMENT_MAX_SIZE),
            }
        )
    kind = detect_kind(upload)
    if kind is None:
        raise AttachmentError(
            _(
                "Filen «%(name)s» kan ikke legges ved: innholdet er ikke en tillatt filtype. "
                "Du kan legge ved PDF, Word (docx), Excel (xlsx), PowerPoint (pptx), "
                "OpenDocument (odt, ods) og bilder (PNG, JPEG, GIF, WebP)."
            )
            % {"name": shown}
        )
    info = _kinds()[kind]
    ext = _extension(shown)
    if ext not in info.extensions:
        raise AttachmentError(
            _(
                "Filen «%(name)s» er %(label)s, men navnet slutter ikke på %(expected)s. "
                "Filnavnet må stemme med innholdet. Gi filen riktig navn og prøv igjen."
            )
            % {
                "name": shown,
                "label": info.label,
                "expected": " / ".join(f".{e}" for e in info.extensions),
            }
        )
    return CheckedFile(file=upload, name=shown, kind=kind, mime=info.mime, size=size)


def attachments_check(uploads: Sequence) -> list[CheckedFile]:
    """Check a set of uploads: the count limit, then each file. All errors at once."""
    if len(uploads) > settings.ATTACHMENT_MAX_COUNT:
        raise AttachmentError(
            _("Du kan legge ved høyst %(max)d filer i ett innlegg.")
            % {"max": settings.ATTACHMENT_MAX_COUNT}
        )
    checked, errors = [], []
    for upload in uploads:
        if isinstance(upload, CheckedFile):  # already checked by the form
            checked.append(upload)
            continue
        try:
            checked.append(attachment_check(upload))
        except AttachmentError as exc:
            errors.append(exc.message)
    if errors:
        raise AttachmentError(" ".join(errors))
    return checked


def attachments_add(*, post: Post, uploads: Sequence, by) -> list[Attachment]:
    """Store checked files privately under random names and attach them to ``post``.

    Called inside the ``files_atomic()`` transaction that creates the post;
    ``post``'s thread must allow ``by`` to post (the calling service has checked
    it). Raises ``fagrom.storage.StorageWriteError`` when the storage fails.
    """
    if not uploads:
        return []
    access.check_post(by, post.thread)
    checked = attachments_check(uploads)
    storage = storages["private"]
    saved: list[str] = []
    created = []
    try:
        for item in checked:
            digest = hashlib.sha256()
            item.file.seek(0)
            for chunk in iter(lambda f=item.file: f.read(64 * 1024), b""):
                digest.update(chunk)
            item.file.seek(0)
            name = f"attachments/{timezone.now():%Y/%m}/{secrets.token_urlsafe(24)}"
            # Whole or not at all; removed again if the post's transaction rolls back.
            stored = storage_save(storage=storage, name=name, content=File(item.file))
            saved.append(stored)
            created.append(
                Attachment.objects.create(
                    post=post,
                    stored_name=stored,
                    original_name=item.name,
                    content_type=item.mime,
                    kind=item.kind,
                    size=item.size,
                    sha256=digest.hexdigest(),
                    uploaded_by=by,
                )
            )
    except BaseException:
        for stored in saved:
            storage.delete(stored)
        raise
    return created
