"""Who a person is in access terms: roles, room grants, groups, the real-name rule.

``grants(user)`` reads everything the other modules of this package decide from, in a
fixed number of queries, and memoises it on the user object (``request.user`` is fresh
for every request), so a page asks the database a fixed number of times however many
rooms or topics it shows. ``forget(user)`` drops the memo after a change within one
request.

Across requests the grants are kept in the shared cache, per person, under a version
that every change of what they are read from replaces (``grants_changed``): room
memberships and their guardian rows, rooms (open or closed), topic moderators, groups
and people's groups (roles and unit memberships, so a unit move too). The room services
call it; changes made past them (the Wagtail admin, guardian's shortcuts, the demo)
reach it through the model signals wired below, the one list of the tables grants are
read from. The version is replaced at the change and again when it commits, so no request can
keep grants read before the commit under the version in force after it. A cached entry also expires after
``ACCESS_GRANTS_CACHE_TIMEOUT`` seconds, the bound for writes that bypass the ORM.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import reverse
from django.utils.translation import gettext as _

from forum.models import (
    Room,
    RoomGroupObjectPermission,
    RoomMembership,
    RoomUserObjectPermission,
    Topic,
)
from people.models import User

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


_VERSION_KEY = "access:grants:version"


def _person_key(user) -> str:
    return f"access:grants:{user.pk}"


def grants(user) -> Grants:
    """The person's grants: memoised on the user object, kept in the cache across requests."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return _NO_GRANTS
    memo = getattr(user, "_fagrom_grants", None)
    if memo is not None:
        return memo
    result = None
    if settings.ACCESS_GRANTS_CACHE:
        found = cache.get_many([_VERSION_KEY, _person_key(user)])  # one round trip
        version = found.get(_VERSION_KEY)
        if version is None:
            version = uuid.uuid4().hex
            if not cache.add(_VERSION_KEY, version, None):
                version = cache.get(_VERSION_KEY)
        user._fagrom_grants_version = version
        entry = found.get(_person_key(user))
        if entry is not None and entry[0] == version:
            result = entry[1]
        else:
            result = _grants_read(user)
            cache.set(_person_key(user), (version, result), settings.ACCESS_GRANTS_CACHE_TIMEOUT)
    else:
        result = _grants_read(user)
    if user.is_superuser and ADMINISTRATORS not in result.roles:
        # From the user row, read with every request: not part of what is cached.
        result = Grants(
            result.open_room_ids,
            result.room_perms,
            result.moderated_topic_ids,
            result.roles | {ADMINISTRATORS},
            result.group_ids,
        )
    user._fagrom_grants = result
    return result


def grants_version(user) -> str | None:
    """The grants version ``grants(user)`` was read under (``None`` without the grants
    cache): what a cached page part that depends on the person's grants is stamped with."""
    grants(user)
    return getattr(user, "_fagrom_grants_version", None)


def grants_changed() -> None:
    """What grants are read from has changed: every person's cached grants are stale.

    The version is replaced at once and again when the current transaction commits: a
    request that read the tables before the commit may have stored its grants under the
    first new version, never under the second.
    """
    _version_replace()
    transaction.on_commit(_version_replace)


def _version_replace() -> None:
    cache.set(_VERSION_KEY, uuid.uuid4().hex, None)


def _grants_changed_receiver(sender, **kwargs):
    grants_changed()


# The tables ``_grants_read`` reads, for changes made past the services.
for _model in (Room, RoomMembership, RoomUserObjectPermission, RoomGroupObjectPermission):
    post_save.connect(_grants_changed_receiver, sender=_model, dispatch_uid=f"grants-{_model}")
    post_delete.connect(_grants_changed_receiver, sender=_model, dispatch_uid=f"grants-d-{_model}")
for _model in (Group, Topic):
    post_delete.connect(_grants_changed_receiver, sender=_model, dispatch_uid=f"grants-d-{_model}")
for _through in (User.groups.through, Topic.moderators.through):
    m2m_changed.connect(
        _grants_changed_receiver, sender=_through, dispatch_uid=f"grants-{_through}"
    )


def _grants_read(user) -> Grants:
    """The person's grants from the database (4 queries); roles without the superuser bit."""
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
    return Grants(
        open_ids,
        {k: frozenset(v) for k, v in perms.items()},
        topic_ids,
        roles,
        frozenset(gid for gid, _ in groups),
    )


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
