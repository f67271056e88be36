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
from functools import cached_property

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
    group_ids: frozenset[int] = frozenset()  # every Django group, for handbook page privacy

    @cached_property  # asked for every object on a page; the grants do not change
    def visible_room_ids(self) -> frozenset[int]:
        return self.open_room_ids | {rid for rid, perms in self.room_perms.items() if VIEW in perms}


_NO_GRANTS = Grants(frozenset(), {}, frozenset(), frozenset())


# What is memoised on the user object for one request (``forget`` drops all of it).
_MEMOS = (
    "_fagrom_grants",
    "_fagrom_owned_page_ids",
    "_fagrom_page_restrictions",
    "_fagrom_hidden_page_paths",
)


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
    for name in _MEMOS:
        user.__dict__.pop(name, None)


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


def visible_rooms_q(user, prefix: str = "") -> Q:
    """``Q`` that keeps objects in rooms ``user`` may see (``prefix`` is the path to the room)."""
    return Q(**{f"{prefix}room_id__in": grants(user).visible_room_ids})


# The quality handbook -----------------------------------------------------------------
#
# Reading the handbook is open to every signed-in employee, except pages an editor has
# made private with Wagtail's "Privacy" setting (a PageViewRestriction on the page or a
# page above it; see "Handbook page privacy" below). Editing uses Wagtail's own page
# permissions (GroupPagePermission: unit groups may add/change, handbook editors may
# also publish); approval is the page's owner or a handbook editor.


def _is_handbook_page(page) -> bool:
    from handbook.models import ControlledPage

    return isinstance(page, ControlledPage)


def can_edit_handbook_page(user, page) -> bool:
    """Edit and submit a change (every employee with a real name, through Wagtail's permissions)."""
    return can_write(user) and page.permissions_for_user(user).can_edit()


def can_publish_handbook_page(user, page) -> bool:
    return can_write(user) and page.permissions_for_user(user).can_publish()


def can_approve_handbook_page(user, page) -> bool:
    """Approve or reject a submitted change: the page's owner or a handbook editor."""
    if not can_write(user):
        return False
    if is_handbook_editor(user):
        return True
    if not _is_handbook_page(page):
        page = page.specific  # workflow listings may hand over a plain Page
    return _is_handbook_page(page) and page.document_owner_id == user.pk


def handbook_page_ids_owned_by(user) -> list[str]:
    """Ids (as Wagtail's workflow tables store them: text) of pages ``user`` owns.

    Two queries (chapters, pages), memoised on the user like ``grants``.
    """
    from handbook.models import ChapterPage, HandbookPage

    cached = getattr(user, "_fagrom_owned_page_ids", None)
    if cached is not None:
        return cached
    ids = [
        *ChapterPage.objects.filter(document_owner=user).values_list("pk", flat=True),
        *HandbookPage.objects.filter(document_owner=user).values_list("pk", flat=True),
    ]
    result = [str(pk) for pk in ids]
    user._fagrom_owned_page_ids = result
    return result


def can_read_handbook(user) -> bool:
    """The handbook is for every signed-in, active employee (private pages aside)."""
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def handbook_versions_visible_to(user):
    """Published versions of live pages the person may read (none for anonymous visitors)."""
    from handbook.models import PageVersion

    if not can_read_handbook(user):
        return PageVersion.objects.none()
    return PageVersion.objects.filter(handbook_pages_q(user, "page__"), page__live=True)


# Handbook page privacy ----------------------------------------------------------------
#
# Wagtail's page "Privacy" setting (PageViewRestriction) applies to the page and every
# page below it. Wagtail's ``serve()`` enforces it for the page itself; this is where
# every other surface (search, change log, versions, diffs, the contents sidebar,
# front-page panels, required reading, hearings, proposals, e-mails) asks the same
# question, with the same answer as ``serve()`` (``handbook.wagtail_hooks`` makes
# ``serve()`` answer 404 where this module says no):
#
# * "login": everyone signed in, the same as no restriction.
# * "groups": members of one of the chosen groups, and superusers (Wagtail lets only
#   superusers past a group restriction; administrators and handbook editors who are
#   not members are kept out, as ``serve()`` keeps them out).
# * "password": switched off for the site (``WAGTAIL_PRIVATE_PAGE_OPTIONS``); a shared
#   password means nothing on a real-name intranet. A restriction left from before is
#   for handbook editors and administrators only (they pass it without the password).
#
# Pages under several restrictions are for those who pass all of them, as in Wagtail.


@dataclass(frozen=True)
class PageRestriction:
    """One view restriction (not "login") on a page of Wagtail's tree."""

    id: int
    page_id: int
    path: str  # the restricted page's tree path; the pages below it share the prefix
    kind: str
    group_ids: frozenset[int]


def handbook_restrictions() -> tuple[PageRestriction, ...]:
    """Every restriction that limits who reads a page (one query; there are few)."""
    from wagtail.models import PageViewRestriction

    rows = (
        PageViewRestriction.objects.exclude(restriction_type=PageViewRestriction.LOGIN)
        .order_by("id")
        .values_list("id", "page_id", "page__path", "restriction_type", "groups__id")
    )
    found: dict[int, tuple] = {}
    groups: dict[int, set[int]] = {}
    for rid, page_id, path, kind, group_id in rows:
        found[rid] = (page_id, path, kind)
        groups.setdefault(rid, set())
        if group_id is not None:
            groups[rid].add(group_id)
    return tuple(
        PageRestriction(rid, page_id, path, kind, frozenset(groups[rid]))
        for rid, (page_id, path, kind) in found.items()
    )


def handbook_page_is_private(page, restrictions=None) -> bool:
    """Does a restriction other than "login" apply to ``page`` (on it or a page above)?"""
    restrictions = handbook_restrictions() if restrictions is None else restrictions
    return any(page.path.startswith(r.path) for r in restrictions)


def _page_restrictions(user) -> tuple[PageRestriction, ...]:
    """``handbook_restrictions()``, read once per request (memoised on the user)."""
    cached = getattr(user, "_fagrom_page_restrictions", None)
    if cached is None:
        cached = handbook_restrictions()
        user._fagrom_page_restrictions = cached
    return cached


def _passes(user, restriction: PageRestriction) -> bool:
    """Does the person pass one restriction (as Wagtail's ``accept_request`` would)?"""
    from wagtail.models import PageViewRestriction

    if restriction.kind == PageViewRestriction.GROUPS:
        return user.is_superuser or bool(restriction.group_ids & grants(user).group_ids)
    # "password", and any kind a later Wagtail adds: editors and administrators only.
    return is_handbook_editor(user)


def _under_any(path: str, prefixes) -> bool:
    return any(path.startswith(prefix) for prefix in prefixes)


def _hidden_page_paths(user) -> tuple[str, ...]:
    """Tree paths of restricted pages the person may not read (the pages below go with them)."""
    if not can_read_handbook(user):
        return ("",)  # every path starts with ""
    cached = getattr(user, "_fagrom_hidden_page_paths", None)
    if cached is None:
        cached = tuple(sorted({r.path for r in _page_restrictions(user) if not _passes(user, r)}))
        user._fagrom_hidden_page_paths = cached
    return cached


def handbook_pages_q(user, prefix: str = "") -> Q:
    """``Q`` that keeps pages the person may read (``prefix``: the path to the page, e.g.
    ``"page__"`` for versions, hearings and proposals; ``""`` for Page querysets)."""
    q = Q()
    for path in _hidden_page_paths(user):
        q &= ~Q(**{f"{prefix}path__startswith": path})
    return q


def handbook_page_ids_hidden_from(user) -> list[int]:
    """Ids of the pages the person may not read (for tables that store page ids as text).

    No query when nothing is hidden from them; otherwise one.
    """
    from wagtail.models import Page

    hidden = _hidden_page_paths(user)
    if not hidden:
        return []
    q = Q()
    for path in hidden:
        q |= Q(path__startswith=path)
    return list(Page.objects.filter(q).values_list("pk", flat=True))


def can_read_handbook_page(user, page) -> bool:
    """May the person read this page, its versions, change log and hearings?"""
    return can_read_handbook(user) and not _under_any(page.path, _hidden_page_paths(user))


def check_read_handbook_page(user, page) -> None:
    """404, not 403: a private page's existence must not leak."""
    if not can_read_handbook_page(user, page):
        raise Http404


def handbook_password_restriction_ids(user, page) -> list[int]:
    """Password restrictions over ``page`` that the person passes without the password.

    ``handbook.wagtail_hooks`` marks them as passed, so ``serve()`` agrees with this module.
    """
    from wagtail.models import PageViewRestriction

    if not can_read_handbook_page(user, page):
        return []
    return [
        r.id
        for r in _page_restrictions(user)
        if r.kind == PageViewRestriction.PASSWORD and page.path.startswith(r.path)
    ]


def users_who_can_read_handbook_page(page):
    """Active people who may read ``page`` (for required reading and e-mails)."""
    from django.contrib.auth import get_user_model
    from wagtail.models import PageViewRestriction

    users = get_user_model().objects.filter(is_active=True)
    for restriction in handbook_restrictions():
        if not page.path.startswith(restriction.path):
            continue
        if restriction.kind == PageViewRestriction.GROUPS:
            allowed = Q(is_superuser=True) | Q(groups__in=restriction.group_ids)
        else:
            allowed = Q(is_superuser=True) | Q(groups__name__in=(HANDBOOK_EDITORS, ADMINISTRATORS))
        users = users.filter(pk__in=get_user_model().objects.filter(allowed).values("pk"))
    return users


def owns_handbook_pages(user) -> bool:
    """Is the person the document owner of at least one chapter or page (memoised)?"""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(handbook_page_ids_owned_by(user))


def has_handbook_duties(user) -> bool:
    """Handbook editors and page owners get the handbook's work panels."""
    return can_write(user) and (is_handbook_editor(user) or owns_handbook_pages(user))


def can_see_confirmations(user, page) -> bool:
    """Who has and hasn't confirmed «lest og forstått»: the owner and handbook editors."""
    return is_handbook_editor(user) or (
        getattr(page, "document_owner_id", None) == user.pk and user.is_authenticated
    )


def can_see_review_listing(user) -> bool:
    """The review-date listing: editors see all pages, owners their own."""
    return can_write(user)


def can_confirm_reading(user, page) -> bool:
    return bool(can_read_handbook_page(user, page) and page.live and page.version_major)


def can_propose_from_post(user, post) -> bool:
    """A moderator of the post's topic turns it into a change proposal."""
    return can_write(user) and can_moderate(user, post)


def check_propose_from_post(user, post) -> None:
    check_view(user, post)
    if not can_propose_from_post(user, post):
        raise AccessDenied(_("Bare moderatorer i temaet kan lage endringsforslag fra innlegg."))


def can_decide_proposal(user, proposal) -> bool:
    return can_approve_handbook_page(user, proposal.page.specific)


def can_open_hearing(user, page) -> bool:
    """Put a draft on internal hearing: handbook editors and the page's owner."""
    return can_approve_handbook_page(user, page)


def _in_any_unit(user, units) -> bool:
    if not user.org_unit_id:
        return False
    paths = [u.path for u in units]
    return any(user.org_unit.path.startswith(p) for p in paths)


def can_comment_on_hearing(user, hearing) -> bool:
    """Everyone in the chosen units (and below), the owner and editors, until the deadline."""
    if not can_write(user) or not hearing.is_open():
        return False
    if can_respond_to_hearing(user, hearing):
        return True
    return _in_any_unit(user, hearing.units.all())


def can_respond_to_hearing(user, hearing) -> bool:
    return can_write(user) and (
        is_handbook_editor(user)
        or hearing.created_by_id == user.pk
        or getattr(hearing.page.specific, "document_owner_id", None) == user.pk
    )


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
    from django.contrib.auth import get_user_model

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
    from forum.models import Escalation

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


# --- ux ---


def can_reject_livechat_question(user, chat) -> bool:
    """The host, the topic's moderators and administrators may turn a question down."""
    return can_host_livechat(user, chat) or can_moderate(user, chat.topic)
