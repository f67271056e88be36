"""Who gains and who loses access when a thread moves from one room to another.

A thread (with its attachments) is readable by whoever may see its room: everyone for
an open room, the room's members (people, units with or without their sub-units,
agencies) for a closed one. Moving it across that boundary changes who reads it, so
the moderator is shown the difference and must confirm it (``forum.services.thread_move``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from forum.models import Room

EVERYONE = ("everyone",)


@dataclass(frozen=True)
class AccessChange:
    from_room: Room
    to_room: Room
    gains: list[str] = field(default_factory=list)  # who may read it after the move only
    loses: list[str] = field(default_factory=list)  # who may read it before the move only

    @property
    def crosses_boundary(self) -> bool:
        return bool(self.gains or self.loses)


def _readers(room: Room) -> dict[tuple, str]:
    """Who may read what is in ``room``, as principal key → label."""
    if room.is_open:
        return {EVERYONE: _("Alle ansatte")}
    readers = {}
    for m in room.memberships.select_related("user__org_unit", "unit"):
        if m.user_id:
            readers[("user", m.user_id)] = m.user.display_name
        else:
            key = ("unit", m.unit_id, m.include_subunits)
            readers[key] = (
                _("%(unit)s med underenheter") % {"unit": m.unit.name}
                if m.include_subunits
                else m.unit.name
            )
    return readers


def access_change_on_move(thread, to_topic) -> AccessChange:
    """Who gains and who loses access if ``thread`` moves to ``to_topic``."""
    from_room, to_room = thread.topic.room, to_topic.room
    if from_room.pk == to_room.pk:
        return AccessChange(from_room=from_room, to_room=to_room)
    before, after = _readers(from_room), _readers(to_room)
    if EVERYONE in after:  # into an open room: everyone who could not already read it
        gains = [] if EVERYONE in before else [after[EVERYONE]]
        return AccessChange(from_room=from_room, to_room=to_room, gains=gains)
    if EVERYONE in before:  # out of an open room: everyone but the new room's members
        return AccessChange(
            from_room=from_room,
            to_room=to_room,
            loses=[_("Alle ansatte som ikke er medlem av «%(room)s»") % {"room": to_room.name}],
        )
    return AccessChange(
        from_room=from_room,
        to_room=to_room,
        gains=sorted(label for key, label in after.items() if key not in before),
        loses=sorted(label for key, label in before.items() if key not in after),
    )
