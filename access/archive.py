"""The archive: records officers, screening, nomination and archive status on threads."""

from __future__ import annotations

from django.utils.translation import gettext as _

from forum.models import (
    Thread,
)

from .forum import can_moderate, can_view, check_view
from .grants import AccessDenied, can_write, is_records_officer, write_blocked_reason

# Archive -----------------------------------------------------------------------------
#
# Records officers (the ``Arkivarer`` group) journal, screen, export and approve
# disposal; they see nominated threads of every room, because reviewing what was
# proposed for the archive is their duty. Screened fields (the real title of a
# screened entry, screened names) are for them alone. Everyone else sees the
# public journal, and on a thread they may see, that it was journaled.


def can_keep_records(user) -> bool:
    """Journal, see the nomination queue, cases, screened fields and disposal lists."""
    return is_records_officer(user) and can_write(user)


def check_keep_records(user) -> None:
    if not can_keep_records(user):
        if is_records_officer(user):
            raise AccessDenied(write_blocked_reason(user))
        raise AccessDenied(_("Bare arkivarer har tilgang til arkivet."))


def can_see_screened(user) -> bool:
    """Screened titles and names (skjermede opplysninger) are for records officers only."""
    return is_records_officer(user)


def can_nominate(user, thread: Thread) -> bool:
    """The author, the thread's moderators and records officers may propose journaling."""
    if not can_write(user) or not can_view(user, thread):
        return False
    return thread.author_id == user.pk or can_moderate(user, thread) or is_records_officer(user)


def check_nominate(user, thread: Thread) -> None:
    check_view(user, thread)
    if not can_nominate(user, thread):
        raise AccessDenied(
            _("Bare forfatteren, temaets moderatorer og arkivarer kan foreslå journalføring.")
        )


def can_see_archive_status(user, thread: Thread) -> bool:
    """ "Journalført i sak 2026/123" is shown to whoever may see the thread."""
    return can_view(user, thread)
