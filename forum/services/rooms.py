"""Room membership: add, remove and change the role of members, with guardian rows and a log.

``RoomMembership`` is what people see and edit; the guardian rows that
``access`` reads are written here, in the same transaction as the
membership and its ``RoomAuditEntry``, so the three never disagree. A unit's
membership is granted to the unit's tree group (with sub-units) or its direct
group (without), so a person's access follows their placement at once.
"""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

import access
from people.models import OrgUnit, User
from search.tasks import index_later

from ..models import (
    ROLE_PERMISSIONS,
    ROOM_CODENAMES,
    Room,
    RoomAuditEntry,
    RoomGroupObjectPermission,
    RoomMembership,
    RoomRole,
    RoomUserObjectPermission,
    Thread,
    Topic,
)


def _check_manage(by, room: Room) -> None:
    # ``by=None`` is the system itself (demo seed, management commands): no person to check.
    if by is not None:
        access.check_manage_room(by, room)


class MembershipError(Exception):
    """A membership change that cannot be made; ``message`` says why, in Norwegian."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _room_permissions() -> dict[str, Permission]:
    ct = ContentType.objects.get_for_model(Room)
    return {
        p.codename: p
        for p in Permission.objects.filter(content_type=ct, codename__in=ROOM_CODENAMES)
    }


def _grant_rows(membership: RoomMembership):
    """The guardian rows of a membership's principal on its room (model, filter)."""
    if membership.user_id:
        return RoomUserObjectPermission, {"user_id": membership.user_id}
    return RoomGroupObjectPermission, {"group_id": membership.group.pk}


def _sync_grants(membership: RoomMembership, role: str | None) -> None:
    """Make the principal hold exactly the role's permissions on the room (none if ``role`` is None)."""
    model, principal = _grant_rows(membership)
    wanted = set(ROLE_PERMISSIONS[role]) if role else set()
    rows = model.objects.filter(
        content_object_id=membership.room_id,
        permission__codename__in=ROOM_CODENAMES,
        **principal,
    )
    have = set(rows.values_list("permission__codename", flat=True))
    if stale := have - wanted:
        rows.filter(permission__codename__in=stale).delete()
    if missing := wanted - have:
        perms = _room_permissions()
        model.objects.bulk_create(
            [
                model(content_object_id=membership.room_id, permission=perms[c], **principal)
                for c in sorted(missing)
            ]
        )
    if stale or missing:
        access.grants_changed()  # bulk_create sends no signal


def _audit(*, room: Room, by, action: str, member_label: str = "", **details) -> RoomAuditEntry:
    return RoomAuditEntry.objects.create(
        room=room,
        actor=by,
        actor_label=by.display_name if by else "",
        action=action,
        member_label=str(member_label),
        details=details,
    )


def _is_admin(by) -> bool:
    return by is None or access.is_administrator(by)


def _forget(by) -> None:
    if by is not None:
        access.forget(by)


def _lock_room(room: Room) -> Room:
    # Serialise changes to one room's members, so "the last owner" is decided on fresh data.
    return Room.objects.select_for_update().get(pk=room.pk)


def _other_owners(membership: RoomMembership) -> bool:
    return (
        RoomMembership.objects.filter(room_id=membership.room_id, role=RoomRole.OWNER)
        .exclude(pk=membership.pk)
        .exists()
    )


def _check_role(role: str, *, is_unit: bool) -> None:
    if role not in RoomRole.values:
        raise MembershipError(_("Velg en rolle fra listen."))
    if is_unit and role == RoomRole.OWNER:
        raise MembershipError(
            _("Bare personer kan være eiere. Gi enheten rollen deltaker eller moderator.")
        )


@transaction.atomic
def room_member_add(
    *,
    room: Room,
    by,
    role: str,
    user: User | None = None,
    unit: OrgUnit | None = None,
    include_subunits: bool = True,
) -> RoomMembership:
    """Add a person, or a unit with or without its sub-units, to ``room`` in ``role``."""
    _check_manage(by, room)
    room = _lock_room(room)
    if (user is None) == (unit is None):
        raise MembershipError(_("Velg én person eller én enhet."))
    _check_role(role, is_unit=unit is not None)
    if user is not None:
        if not user.is_active:
            raise MembershipError(_("%(name)s er ikke lenger aktiv.") % {"name": user.display_name})
        existing = RoomMembership.objects.filter(room=room, user=user)
    else:
        existing = RoomMembership.objects.filter(room=room, unit=unit)
    if existing.exists():
        raise MembershipError(
            _("%(name)s er allerede medlem av rommet. Endre rollen i listen i stedet.")
            % {"name": user.display_name if user else unit.name}
        )
    membership = RoomMembership.objects.create(
        room=room,
        user=user,
        unit=unit,
        include_subunits=include_subunits if unit else False,
        role=role,
        added_by=by,
    )
    _sync_grants(membership, role)
    _audit(
        room=room,
        by=by,
        action=RoomAuditEntry.Action.MEMBER_ADDED,
        member_label=membership.member_label,
        role=role,
        user=user.pk if user else None,
        unit=unit.pk if unit else None,
        include_subunits=membership.include_subunits,
    )
    _forget(by)
    return membership


@transaction.atomic
def room_member_remove(*, membership: RoomMembership, by) -> None:
    """Take a member out of the room: its grants go in the same transaction."""
    _check_manage(by, membership.room)
    _lock_room(membership.room)
    if membership.role == RoomRole.OWNER and not _other_owners(membership) and not _is_admin(by):
        raise MembershipError(
            _("Rommet må ha minst én eier. Gjør en annen til eier før du fjerner denne.")
        )
    _sync_grants(membership, None)
    _audit(
        room=membership.room,
        by=by,
        action=RoomAuditEntry.Action.MEMBER_REMOVED,
        member_label=membership.member_label,
        old_role=membership.role,
        user=membership.user_id,
        unit=membership.unit_id,
        include_subunits=membership.include_subunits,
    )
    membership.delete()
    _forget(by)


@transaction.atomic
def room_member_set_role(*, membership: RoomMembership, by, role: str) -> RoomMembership:
    _check_manage(by, membership.room)
    _lock_room(membership.room)
    _check_role(role, is_unit=membership.is_unit)
    old = membership.role
    if old == role:
        return membership
    if old == RoomRole.OWNER and not _other_owners(membership) and not _is_admin(by):
        raise MembershipError(
            _("Rommet må ha minst én eier. Gjør en annen til eier før du endrer denne rollen.")
        )
    membership.role = role
    membership.save(update_fields=["role"])
    _sync_grants(membership, role)
    _audit(
        room=membership.room,
        by=by,
        action=RoomAuditEntry.Action.ROLE_CHANGED,
        member_label=membership.member_label,
        old_role=old,
        role=role,
        user=membership.user_id,
        unit=membership.unit_id,
    )
    _forget(by)
    return membership


def room_log(*, room: Room, by, action: str, text: str) -> RoomAuditEntry:
    """Record a change to the room itself (created, made closed) made in the Wagtail admin."""
    return _audit(room=room, by=by, action=action, text=text)


def room_search_refresh(*, room: Room | None = None, topic: Topic | None = None) -> None:
    """Re-index the threads of a room (or topic) after its access may have changed.

    Who may find a thread is stored with it in the search index (``all`` for an
    open room, ``room:<id>`` for a closed one), so making a room closed, or moving a
    topic to another room, must re-index its threads. Membership changes need none:
    they change the person's principals, not the documents'.
    """
    threads = Thread.objects.all()
    threads = threads.filter(topic=topic) if topic is not None else threads.filter(topic__room=room)
    index_later("forum.thread", *threads.values_list("pk", flat=True))


def room_member_candidates(*, room: Room, query: str, limit: int = 20):
    """People and units whose name or code matches ``query`` (for the add-member search).

    The directory of people and units is not secret (profiles are open to all
    employees); what matters is that only a room's managers reach this search.
    """
    query = query.strip()
    if len(query) < 2:
        return [], []
    people = (
        User.objects.filter(is_active=True)
        .filter(Q(full_name__icontains=query) | Q(username__iexact=query))
        .select_related("org_unit")
        .order_by("full_name")[:limit]
    )
    units = OrgUnit.objects.filter(
        Q(name__icontains=query) | Q(code__iexact=query) | Q(short_name__icontains=query)
    ).order_by("path")[:limit]
    return list(people), list(units)
