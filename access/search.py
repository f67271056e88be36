"""Who may find a search document, expressed as principals.

Every indexed document carries the principals that may see it (``all``, ``room:12``,
``restricted-page:7``, …); a query filters on the person's principals, computed live
from their grants, before ranking.
"""

from __future__ import annotations

from forum.models import (
    Attachment,
    Room,
    Thread,
    Topic,
)

from .forum import room_id_of
from .grants import grants, is_records_officer
from .handbook import _hidden_page_paths, _page_restrictions, _under_any, handbook_restrictions

# Search and feeds: who may see a document, expressed as principals -------------------


def principals_of(obj) -> set[str]:
    """Who may see ``obj``: ``{"all"}`` for open rooms, ``{"room:12"}`` for closed ones."""
    room_id = room_id_of(obj)
    room = obj if isinstance(obj, Room) else None
    if isinstance(obj, Attachment):
        obj = obj.post
    if room is None:
        room = (
            obj.room
            if isinstance(obj, Topic)
            else (obj.topic.room if isinstance(obj, Thread) else obj.thread.topic.room)
        )
    return {"all"} if room.is_open else {f"room:{room_id}"}


# Archive entries are indexed twice: the public-journal fields for PUBLIC_JOURNAL and
# the full entry for RECORDS_OFFICER. Each person holds exactly one of the two, so
# records officers find the full entry once instead of both.
RECORDS_OFFICER_PRINCIPAL = "role:records_officer"
PUBLIC_JOURNAL_PRINCIPAL = "journal:public"


def principals_for(user) -> set[str]:
    """The principals a person holds: matched against documents' principals.

    Computed from live grants, so a change of membership (of a room, or of a group a
    private handbook page is restricted to) changes what search finds at once,
    without re-indexing anything.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    g = grants(user)
    closed = g.visible_room_ids - g.open_room_ids
    result = {"all"} | {f"room:{rid}" for rid in closed}
    if is_records_officer(user):
        result.add(RECORDS_OFFICER_PRINCIPAL)
    else:
        result.add(PUBLIC_JOURNAL_PRINCIPAL)
    hidden = _hidden_page_paths(user)
    result |= {
        restricted_page_principal(r.page_id)
        for r in _page_restrictions(user)
        if not _under_any(r.path, hidden)
    }
    return result


def restricted_page_principal(page_id: int) -> str:
    """The principal of the pages below a restricted page: held by those who pass its privacy."""
    return f"restricted-page:{page_id}"


def principals_for_handbook_page(page, restrictions=None) -> set[str]:
    """Who may find a published handbook page.

    ``{"all"}`` (every signed-in employee) unless Wagtail's privacy setting restricts
    the page or a page above it; then the principal of the nearest restricted page,
    which a person holds only when they pass every restriction on the way down
    (``principals_for``). Who passes is decided per request from live group
    membership, so changing someone's groups, or a restriction's groups, changes
    what they find at once; adding or removing a restriction re-indexes the subtree.
    ``restrictions`` (from ``handbook_restrictions()``) saves a query per page.
    """
    restrictions = handbook_restrictions() if restrictions is None else restrictions
    above = [r for r in restrictions if page.path.startswith(r.path)]
    if not above:
        return {"all"}
    nearest = max(above, key=lambda r: len(r.path))
    return {restricted_page_principal(nearest.page_id)}


def principals_for_journal_entry(entry) -> tuple[set[str], set[str]]:
    """Who may find a journal entry: (its public-journal variant, its full entry).

    The public journal is for everyone (so every person without the records-officer
    role holds ``PUBLIC_JOURNAL_PRINCIPAL``); screened fields and the entry itself
    are for records officers only.
    """
    return {PUBLIC_JOURNAL_PRINCIPAL}, {RECORDS_OFFICER_PRINCIPAL}
