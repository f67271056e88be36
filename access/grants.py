"""Who a person is in access terms: roles, room grants, groups, the real-name rule.

``grants(user)`` reads everything the other modules of this package decide from, in a
fixed number of queries, and memoises it on the user object (``request.user`` is fresh
for every request), so a page asks the database a fixed number of times however many
rooms or topics it shows. ``forget(user)`` drops the memo after a change within one
request.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _

from forum.models import (
    Room,
    RoomGroupObjectPermission,
    RoomUserObjectPermission,
)

# Roles that are not tied to one object are plain groups (managed in the Wagtail admin).
ADMINISTRATORS = "Administratorer"
HANDBOOK_EDITORS = "Håndbokredaktører"
RECORDS_OFFICERS = "Arkivarer"
ROLE_GROUPS = (ADMINISTRATORS, HANDBOOK_EDITORS, RECORDS_OFFICERS)

VIEW, POST, MODERATE, MANAGE = "view_room", "post_in_room", "moderate_room", "manage_room"


class AccessDenied(PermissionDenied):
    """A 403 that carries a message for the person, in their language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Grants:
    """What one person holds, read in a fixed number of queries."""

    open_room_ids: frozenset[int]
    room_perms: dict[int, frozenset[str]]
    moderated_topic_ids: frozenset[int]
    roles: frozenset[str]
    group_ids: frozenset[int] = frozenset()  # every Django group, for handbook page privacy

    @cached_property  # asked for every object on a page; the grants do not change
    def visible_room_ids(self) -> frozenset[int]:
        return self.open_room_ids | {rid for rid, perms in self.room_perms.items() if VIEW in perms}


_NO_GRANTS = Grants(frozenset(), {}, frozenset(), frozenset())


def grants(user) -> Grants:
    """The person's grants, computed once and memoised on the user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return _NO_GRANTS
    cached = getattr(user, "_fagrom_grants", None)
    if cached is not None:
        return cached
    open_ids = frozenset(
        Room.objects.filter(kind=Room.Kind.OPEN).order_by().values_list("id", flat=True)
    )
    rows = (
        RoomUserObjectPermission.objects.filter(user=user)
        .values_list("content_object_id", "permission__codename")
        .union(
            RoomGroupObjectPermission.objects.filter(group__user=user).values_list(
                "content_object_id", "permission__codename"
            )
        )
    )
    perms: dict[int, set[str]] = {}
    for room_id, codename in rows:
        perms.setdefault(room_id, set()).add(codename)
    topic_ids = frozenset(user.moderated_topics.values_list("id", flat=True))
    groups = list(user.groups.values_list("id", "name"))
    roles = frozenset(name for _, name in groups if name in ROLE_GROUPS)
    if user.is_superuser:
        roles |= {ADMINISTRATORS}
    result = Grants(
        open_ids,
        {k: frozenset(v) for k, v in perms.items()},
        topic_ids,
        roles,
        frozenset(gid for gid, _ in groups),
    )
    user._fagrom_grants = result
    return result


def forget(user) -> None:
    """Drop memoised grants (after a change of membership within one request)."""
    if hasattr(user, "forget_request_memos"):  # AnonymousUser memoises nothing
        user.forget_request_memos()


# Roles -------------------------------------------------------------------------------


def is_administrator(user) -> bool:
    return ADMINISTRATORS in grants(user).roles


def is_handbook_editor(user) -> bool:
    return HANDBOOK_EDITORS in grants(user).roles or is_administrator(user)


def is_records_officer(user) -> bool:
    return RECORDS_OFFICERS in grants(user).roles


def is_moderator(user) -> bool:
    """Moderates at least one topic or room (for menus and queues)."""
    g = grants(user)
    return bool(g.moderated_topic_ids) or any(MODERATE in p for p in g.room_perms.values())


# The real-name rule -------------------------------------------------------------------


def can_write(user) -> bool:
    """A person may write only under full name and workplace."""
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.has_real_name)


def write_blocked_reason(user) -> str:
    """Why ``user`` cannot write, and where to fix it ('' when they can)."""
    if can_write(user):
        return ""
    if not getattr(user, "is_authenticated", False):
        return _("Du må logge inn for å skrive.")
    if getattr(user, "directory_managed", False):
        return _(
            "Du kan lese, men ikke skrive, fordi fullt navn eller arbeidssted mangler i katalogen. "
            "Kontakt personalavdelingen for å få det rettet."
        )
    return _(
        "Du kan lese, men ikke skrive, før profilen din har fullt navn og arbeidssted. "
        "Fyll dem ut på %(url)s."
    ) % {"url": reverse("people:profile_edit")}


def check_write(user) -> None:
    if not can_write(user):
        raise AccessDenied(write_blocked_reason(user))
