"""Room membership: who belongs to a closed room, in which role, and the log of changes.

``RoomMembership`` is the source of truth shown in the UI. The guardian rows
that ``access`` reads are derived from it by the services in
``forum.services.rooms`` (one membership → one principal: a person, a unit's
tree group, or a unit's direct group), in the same transaction as the audit
entry.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people.models import OrgUnit

from .structure import Room


class RoomRole(models.TextChoices):
    READER = "reader", _("Leser")
    MEMBER = "member", _("Deltaker")
    MODERATOR = "moderator", _("Moderator")
    OWNER = "owner", _("Eier")


# What each role may do, as guardian codenames on the room (each role includes the one before).
ROLE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    RoomRole.READER: ("view_room",),
    RoomRole.MEMBER: ("view_room", "post_in_room"),
    RoomRole.MODERATOR: ("view_room", "post_in_room", "moderate_room"),
    RoomRole.OWNER: ("view_room", "post_in_room", "moderate_room", "manage_room"),
}
ROOM_CODENAMES = ROLE_PERMISSIONS[RoomRole.OWNER]


class RoomMembership(models.Model):
    """A person, or an org unit (with or without its sub-units), in a room with a role.

    An agency is a root unit: "all of Skatteetaten" is the agency with its sub-units.
    """

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="room_memberships",
    )
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("enhet"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="room_memberships",
    )
    include_subunits = models.BooleanField(_("med underenheter"), default=True)
    role = models.CharField(_("rolle"), max_length=20, choices=RoomRole.choices)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    added_at = models.DateTimeField(_("lagt til"), default=timezone.now)

    class Meta:
        verbose_name = _("rommedlemskap")
        verbose_name_plural = _("rommedlemskap")
        constraints = [
            models.CheckConstraint(
                condition=(Q(user__isnull=False) & Q(unit__isnull=True))
                | (Q(user__isnull=True) & Q(unit__isnull=False)),
                name="roommembership_user_xor_unit",
            ),
            models.UniqueConstraint(
                fields=["room", "user"],
                condition=Q(user__isnull=False),
                name="roommembership_unique_user",
            ),
            models.UniqueConstraint(
                fields=["room", "unit"],
                condition=Q(unit__isnull=False),
                name="roommembership_unique_unit",
            ),
        ]

    def __str__(self):
        return f"{self.member_label} – {self.get_role_display()}"

    @property
    def is_unit(self):
        return self.unit_id is not None

    @property
    def member_label(self) -> str:
        """ "Kari Nordmann · NAV Sandnes" or "NAV Sandnes (med underenheter)"."""
        if self.user_id:
            return self.user.display_name
        if self.unit.is_root() and self.include_subunits:
            return _("%(unit)s (hele etaten)") % {"unit": self.unit.name}
        if self.include_subunits:
            return _("%(unit)s (med underenheter)") % {"unit": self.unit.name}
        return _("%(unit)s (uten underenheter)") % {"unit": self.unit.name}

    @property
    def group(self):
        """The auth group that carries this membership's guardian rows (None for a person)."""
        if self.unit_id is None:
            return None
        return self.unit.group if self.include_subunits else self.unit.direct_group


class RoomAuditEntry(models.Model):
    """One change to a room's access: who did what, when, with the details at the time."""

    class Action(models.TextChoices):
        MEMBER_ADDED = "member_added", _("Medlem lagt til")
        MEMBER_REMOVED = "member_removed", _("Medlem fjernet")
        ROLE_CHANGED = "role_changed", _("Rolle endret")
        ROOM_CREATED = "room_created", _("Rom opprettet")
        ROOM_CHANGED = "room_changed", _("Rom endret")

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="audit_entries")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("utført av"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    # Kept as text too: the log must still read right after a person or unit is renamed.
    actor_label = models.CharField(max_length=300, blank=True)
    action = models.CharField(_("handling"), max_length=30, choices=Action.choices)
    member_label = models.CharField(_("medlem"), max_length=300, blank=True)
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("tidspunkt"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("logg for rom")
        verbose_name_plural = _("logg for rom")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.get_action_display()} {self.member_label}"

    @property
    def summary(self) -> str:
        """The change in words, in the reader's language."""
        labels = dict(RoomRole.choices)
        old, new = self.details.get("old_role"), self.details.get("role")
        if self.action == self.Action.ROLE_CHANGED:
            return _("%(member)s: %(old)s → %(new)s") % {
                "member": self.member_label,
                "old": labels.get(old, old),
                "new": labels.get(new, new),
            }
        if self.action in (self.Action.MEMBER_ADDED, self.Action.MEMBER_REMOVED):
            return _("%(member)s, rolle: %(role)s") % {
                "member": self.member_label,
                "role": labels.get(new or old, new or old),
            }
        return self.details.get("text", "")
