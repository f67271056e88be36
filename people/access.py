"""The one place that decides who sees and does what.

Every view, listing, counter, feed, notification, search provider, export,
attachment download and API endpoint asks this module. Nothing else reads
django-guardian's tables or checks roles by hand.

Vocabulary:

* ``<noun>s_visible_to(user)`` → QuerySet of what the user may see.
* ``can_<verb>(user, obj)`` → bool.
* ``check_view(user, obj)`` raises ``Http404`` (so a closed room's existence
  never leaks); ``check_<verb>(user, obj)`` raises ``AccessDenied`` (HTTP 403)
  with a message that says why and what to do.

What a person may see and do is computed once per request and memoised on the
user object (``request.user`` is fresh for every request), so a page asks the
database a fixed number of times however many rooms or topics it shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from forum.models import (
    Attachment,
    Post,
    Room,
    RoomGroupObjectPermission,
    RoomUserObjectPermission,
    Thread,
    Topic,
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

    @property
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
    roles = frozenset(user.groups.filter(name__in=ROLE_GROUPS).values_list("name", flat=True))
    if user.is_superuser:
        roles |= {ADMINISTRATORS}
    result = Grants(open_ids, {k: frozenset(v) for k, v in perms.items()}, topic_ids, roles)
    user._fagrom_grants = result
    return result


def forget(user) -> None:
    """Drop memoised grants (after a change of membership within one request)."""
    user.__dict__.pop("_fagrom_grants", None)


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


# Seeing ------------------------------------------------------------------------------


def rooms_visible_to(user) -> QuerySet[Room]:
    return Room.objects.filter(pk__in=grants(user).visible_room_ids)


def topics_visible_to(user) -> QuerySet[Topic]:
    return Topic.objects.filter(room_id__in=grants(user).visible_room_ids)


def threads_visible_to(user) -> QuerySet[Thread]:
    return Thread.objects.filter(topic__room_id__in=grants(user).visible_room_ids)


def posts_visible_to(user) -> QuerySet[Post]:
    return Post.objects.filter(thread__topic__room_id__in=grants(user).visible_room_ids)


def attachments_visible_to(user) -> QuerySet[Attachment]:
    return Attachment.objects.filter(post__thread__topic__room_id__in=grants(user).visible_room_ids)


def room_id_of(obj) -> int:
    """The room an object lives in. Callers load ``topic``/``thread`` with select_related."""
    if isinstance(obj, Attachment):
        return obj.post.thread.topic.room_id
    if isinstance(obj, Room):
        return obj.pk
    if isinstance(obj, Topic):
        return obj.room_id
    if isinstance(obj, Thread):
        return obj.topic.room_id
    if isinstance(obj, Post):
        return obj.thread.topic.room_id
    raise TypeError(f"No access rule for {type(obj).__name__}")


def can_view(user, obj) -> bool:
    return room_id_of(obj) in grants(user).visible_room_ids


def check_view(user, obj) -> None:
    """404, not 403: a closed room's existence must not leak."""
    if not can_view(user, obj):
        raise Http404


# Doing -------------------------------------------------------------------------------


def _room_perm(user, room_id: int, codename: str) -> bool:
    return codename in grants(user).room_perms.get(room_id, frozenset())


def can_moderate(user, obj) -> bool:
    """Topic moderators, room moderators and administrators moderate."""
    if not can_view(user, obj) and not is_administrator(user):
        return False
    if is_administrator(user):
        return True
    room_id = room_id_of(obj)
    if _room_perm(user, room_id, MODERATE):
        return True
    topic_id = (
        obj.pk
        if isinstance(obj, Topic)
        else obj.topic_id
        if isinstance(obj, Thread)
        else obj.thread.topic_id
        if isinstance(obj, Post)
        else None
    )
    return topic_id in grants(user).moderated_topic_ids


def can_post(user, obj) -> bool:
    """Start a thread in a topic, or reply in a thread."""
    if not can_write(user) or not can_view(user, obj):
        return False
    room_id = room_id_of(obj)
    if room_id not in grants(user).open_room_ids and not _room_perm(user, room_id, POST):
        return False
    if isinstance(obj, Thread) and obj.is_locked:
        return can_moderate(user, obj)
    return True


def post_blocked_reason(user, obj) -> str:
    if not can_write(user):
        return write_blocked_reason(user)
    if isinstance(obj, Thread) and obj.is_locked and not can_moderate(user, obj):
        return _("Tråden er låst. Nye svar er ikke mulig.")
    return _("Du har ikke skrivetilgang i dette rommet.")


def check_post(user, obj) -> None:
    check_view(user, obj)
    if not can_post(user, obj):
        raise AccessDenied(post_blocked_reason(user, obj))


def can_edit_post(user, post: Post) -> bool:
    """Authors edit their own posts while they may still post in the thread."""
    if post.author_id == user.pk:
        return can_post(user, post.thread)
    return False


def check_edit_post(user, post: Post) -> None:
    check_view(user, post)
    if not can_edit_post(user, post):
        raise AccessDenied(_("Du kan bare endre dine egne innlegg i tråder som er åpne for svar."))


def can_see_revisions(user, post: Post) -> bool:
    """Earlier texts are for the author and the topic's moderators."""
    return can_view(user, post) and (post.author_id == user.pk or can_moderate(user, post))


def check_see_revisions(user, post: Post) -> None:
    check_view(user, post)
    if not can_see_revisions(user, post):
        raise Http404


def can_manage_room(user, room: Room) -> bool:
    """Room owners and administrators add and remove members and read the room's log."""
    return is_administrator(user) or _room_perm(user, room.pk, MANAGE)


def check_manage_room(user, room: Room) -> None:
    """404 for those who may not even see the room; 403 with a reason for its readers."""
    if can_manage_room(user, room):
        return
    check_view(user, room)
    raise AccessDenied(_("Bare rommets eiere og administratorer kan endre medlemmene."))


def rooms_managed_by(user) -> QuerySet[Room]:
    """Rooms whose members ``user`` manages (administrators: every room)."""
    if is_administrator(user):
        return Room.objects.all()
    g = grants(user)
    return Room.objects.filter(pk__in=[rid for rid, p in g.room_perms.items() if MANAGE in p])


def can_see_members(user, room: Room) -> bool:
    """Who is in a room is visible to everyone who sees the room, and to its managers."""
    return can_view(user, room) or can_manage_room(user, room)


def check_see_members(user, room: Room) -> None:
    if not can_see_members(user, room):
        raise Http404


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


def principals_for(user) -> set[str]:
    """The principals a person holds: matched against documents' principals."""
    if not getattr(user, "is_authenticated", False):
        return set()
    g = grants(user)
    closed = g.visible_room_ids - g.open_room_ids
    result = {"all"} | {f"room:{rid}" for rid in closed}
    if is_records_officer(user):
        result.add("role:records_officer")
    return result


def visible_rooms_q(user, prefix: str = "") -> Q:
    """``Q`` that keeps objects in rooms ``user`` may see (``prefix`` is the path to the room)."""
    return Q(**{f"{prefix}room_id__in": grants(user).visible_room_ids})


# Front page and statistics (issue 10) -------------------------------------------------


def _owned_room_ids(user) -> list[int]:
    return [rid for rid, perms in grants(user).room_perms.items() if MANAGE in perms]


def is_room_owner(user) -> bool:
    """Owns at least one room (administrators manage every room but own none by that)."""
    return bool(_owned_room_ids(user))


def rooms_owned_by(user) -> QuerySet[Room]:
    """Rooms where the person holds the owner role."""
    return Room.objects.filter(pk__in=_owned_room_ids(user))


def can_see_statistics(user) -> bool:
    """The forum-wide statistics page is for administrators and moderators."""
    return is_administrator(user) or is_moderator(user)


def check_see_statistics(user) -> None:
    if not can_see_statistics(user):
        raise AccessDenied(
            _("Statistikken for hele forumet er for administratorer og moderatorer.")
        )


def can_see_sensitive_statistics(user, topic: Topic) -> bool:
    """Removals and escalations in a topic's figures: for those who moderate it."""
    return can_moderate(user, topic)


def statistics_room_ids(user) -> frozenset[int]:
    """Rooms whose activity counts in the person's figures: exactly the rooms they see."""
    return grants(user).visible_room_ids


def topics_with_sensitive_statistics(user) -> QuerySet[Topic]:
    """Topics whose removals and escalations count in the person's figures."""
    g = grants(user)
    visible = Topic.objects.filter(room_id__in=g.visible_room_ids)
    if is_administrator(user):
        return visible
    room_ids = [rid for rid, perms in g.room_perms.items() if MODERATE in perms]
    return visible.filter(Q(pk__in=g.moderated_topic_ids) | Q(room_id__in=room_ids))
