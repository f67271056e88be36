"""Rooms, topics, threads, posts and attachments: who sees and does what in the forum.

Vocabulary (the same in every module of ``access``):

* ``<noun>s_visible_to(user)`` → QuerySet of what the user may see.
* ``can_<verb>(user, obj)`` → bool.
* ``check_view(user, obj)`` raises ``Http404`` (so a closed room's existence never
  leaks); ``check_<verb>(user, obj)`` raises ``AccessDenied`` (HTTP 403) with a message
  that says why and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from forum.models import (
    Attachment,
    Escalation,
    Post,
    Room,
    RoomGroupObjectPermission,
    RoomUserObjectPermission,
    Thread,
    Topic,
)

from .grants import (
    MANAGE,
    MODERATE,
    POST,
    VIEW,
    AccessDenied,
    can_write,
    grants,
    is_administrator,
    is_moderator,
    write_blocked_reason,
)

# Seeing ------------------------------------------------------------------------------


def rooms_visible_to(user) -> QuerySet[Room]:
    return Room.objects.filter(pk__in=grants(user).visible_room_ids)


def rooms_visible_count(user) -> int:
    """How many rooms the person sees (from the memoised grants: no query)."""
    return len(grants(user).visible_room_ids)


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


def visible_rooms_q(user, prefix: str = "") -> Q:
    """``Q`` that keeps objects in rooms ``user`` may see (``prefix`` is the path to the room)."""
    return Q(**{f"{prefix}room_id__in": grants(user).visible_room_ids})


# =====================================================================================
# Moderation, guidance, listening, ideas and nettprat (issue 4).
#
# Additive section: everything below builds on ``can_view``/``can_moderate`` above, so
# closed-room rules decided there apply to every queue, feed and notification here.
# =====================================================================================


def _own(user, post: Post) -> bool:
    return post.author_id == getattr(user, "pk", None)


def topics_moderated_by(user) -> QuerySet[Topic]:
    """Topics whose queues the person works: own topics, rooms they moderate; admins all."""
    if is_administrator(user):
        return Topic.objects.all()
    g = grants(user)
    room_ids = {rid for rid, perms in g.room_perms.items() if MODERATE in perms}
    return Topic.objects.filter(Q(pk__in=g.moderated_topic_ids) | Q(room_id__in=room_ids)).filter(
        room_id__in=g.visible_room_ids
    )


def can_handle_post(user, post: Post) -> bool:
    """Verify, hide, restore or handle flags on a post: a moderator, never on their own post."""
    return can_moderate(user, post) and not _own(user, post)


def check_handle_post(user, post: Post) -> None:
    check_view(user, post)
    if not can_moderate(user, post):
        raise AccessDenied(_("Bare temaets moderatorer kan gjøre dette."))
    if _own(user, post):
        raise AccessDenied(
            _("Du kan ikke behandle ditt eget innlegg. En annen moderator av temaet må gjøre det.")
        )


def check_moderate(user, obj) -> None:
    """404 when the object is invisible, 403 when visible but not the person's to moderate."""
    check_view(user, obj)
    if not can_moderate(user, obj):
        raise AccessDenied(_("Bare temaets moderatorer kan gjøre dette."))


def can_see_hidden_post(user, post: Post) -> bool:
    """The text of a hidden post stays available to the topic's moderators (and the author)."""
    return can_view(user, post) and (can_moderate(user, post) or _own(user, post))


def can_accept_answer(user, thread: Thread) -> bool:
    """The asker or a moderator accepts an answer to a question."""
    if thread.kind != Thread.Kind.QUESTION or not can_view(user, thread):
        return False
    return (thread.author_id == user.pk and can_write(user)) or can_moderate(user, thread)


def check_accept_answer(user, thread: Thread) -> None:
    check_view(user, thread)
    if not can_accept_answer(user, thread):
        raise AccessDenied(_("Bare den som spurte eller en moderator kan godta et svar."))


def can_flag(user, post: Post) -> bool:
    """Any employee who can see a post may report it (not their own)."""
    return can_view(user, post) and can_write(user) and not _own(user, post)


def check_flag(user, post: Post) -> None:
    check_view(user, post)
    if not can_flag(user, post):
        raise AccessDenied(
            write_blocked_reason(user) or _("Du kan ikke rapportere ditt eget innlegg.")
        )


def can_react(user, post: Post) -> bool:
    return can_view(user, post) and can_write(user) and not _own(user, post) and not post.is_hidden


def can_vote_idea(user, thread: Thread) -> bool:
    return thread.kind == Thread.Kind.IDEA and can_view(user, thread) and can_write(user)


@dataclass(frozen=True, slots=True)
class PostActions:
    """What one person may do with one post: the per-post ``can_…`` answers, together."""

    edit: bool  # can_edit_post
    see_revisions: bool  # can_see_revisions
    handle: bool  # can_handle_post
    see_hidden: bool  # can_see_hidden_post
    flag: bool  # can_flag
    react: bool  # can_react


def post_actions(user, thread: Thread, posts) -> dict[int, PostActions]:
    """``PostActions`` for each of ``posts`` (all in ``thread``), keyed by post id.

    The same answers as ``can_edit_post``, ``can_see_revisions``, ``can_handle_post``,
    ``can_see_hidden_post``, ``can_flag`` and ``can_react`` post by post, but what
    depends only on the thread (seeing it, moderating its topic, writing, replying) is
    decided once: a page of posts asked six questions each otherwise repeats them.
    """
    view = can_view(user, thread)
    moderate = can_moderate(user, thread)
    write = can_write(user)
    reply = can_post(user, thread)
    me = getattr(user, "pk", None)
    result = {}
    for post in posts:
        if post.thread_id != thread.pk:
            raise ValueError("post_actions: every post must belong to the thread")
        own = post.author_id == me
        result[post.pk] = PostActions(
            edit=own and reply,
            see_revisions=view and (own or moderate),
            handle=moderate and not own,
            see_hidden=view and (moderate or own),
            flag=view and write and not own,
            react=view and write and not own and not post.is_hidden,
        )
    return result


def users_who_can_view(obj):
    """Active people who may see ``obj`` (for notifications): the inverse of ``can_view``."""
    users = get_user_model().objects.filter(is_active=True)
    room_id = room_id_of(obj)
    if Room.objects.filter(pk=room_id, kind=Room.Kind.OPEN).exists():
        return users
    direct = RoomUserObjectPermission.objects.filter(
        content_object_id=room_id, permission__codename=VIEW
    ).values("user_id")
    groups = RoomGroupObjectPermission.objects.filter(
        content_object_id=room_id, permission__codename=VIEW
    ).values("group_id")
    return users.filter(Q(pk__in=direct) | Q(groups__in=groups)).distinct()


def escalations_visible_to(user):
    """Escalations the person raised, received (directly or through their unit) or moderates."""
    g = grants(user)
    visible = Escalation.objects.filter(thread__topic__room_id__in=g.visible_room_ids)
    if is_administrator(user):
        return visible
    unit_ids = list(user.groups.filter(org_unit__isnull=False).values_list("org_unit", flat=True))
    return visible.filter(
        Q(raised_by=user)
        | Q(to_person=user)
        | Q(owner=user)
        | Q(to_unit_id__in=unit_ids)
        | Q(thread__topic__in=topics_moderated_by(user))
    )


def can_answer_escalation(user, escalation) -> bool:
    """The receiving person, its owner, or someone in the receiving unit (who can see the thread)."""
    if not can_view(user, escalation.thread) or not can_write(user):
        return False
    if user.pk in (escalation.to_person_id, escalation.owner_id) or is_administrator(user):
        return True
    if escalation.to_unit_id:
        return user.groups.filter(org_unit__id=escalation.to_unit_id).exists()
    return False


def can_schedule_livechat(user) -> bool:
    return is_administrator(user) and can_write(user)


def can_host_livechat(user, chat) -> bool:
    return can_view(user, chat.topic) and (chat.host_id == user.pk or is_administrator(user))


def can_reject_livechat_question(user, chat) -> bool:
    """The host, the topic's moderators and administrators may turn a question down."""
    return can_host_livechat(user, chat) or can_moderate(user, chat.topic)


def can_ask_livechat(user, chat) -> bool:
    return can_view(user, chat.topic) and can_write(user) and chat.state != chat.State.ENDED


def check_see_post_content(user, post: Post) -> None:
    """A removed post's text and files are for moderators and the author: 404 for others."""
    check_view(user, post)
    if post.is_hidden and not can_see_hidden_post(user, post):
        raise Http404


# Front page and statistics (issue 10) -------------------------------------------------


def _owned_room_ids(user) -> list[int]:
    return [rid for rid, perms in grants(user).room_perms.items() if MANAGE in perms]


def is_room_owner(user) -> bool:
    """Owns at least one room (administrators manage every room but own none by that)."""
    return bool(_owned_room_ids(user))


def rooms_owned_by(user) -> QuerySet[Room]:
    """Rooms where the person holds the owner role."""
    return Room.objects.filter(pk__in=_owned_room_ids(user))


def has_moderator_duties(user) -> bool:
    """Moderators of a topic or room, and administrators, get the moderation panels."""
    return is_moderator(user) or is_administrator(user)


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
