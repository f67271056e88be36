"""The quality handbook: reading, private pages, editing, approval, hearings."""

from __future__ import annotations

import hashlib

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _
from wagtail.models import Page, PageViewRestriction

from handbook.models import ChapterPage, ControlledPage, HandbookPage, PageVersion
from handbook.privacy import PageRestriction, handbook_restrictions
from people.models import OrgUnit

from .forum import can_moderate, check_view
from .grants import (
    ADMINISTRATORS,
    HANDBOOK_EDITORS,
    AccessDenied,
    can_write,
    grants,
    is_administrator,
    is_handbook_editor,
)

# The quality handbook -----------------------------------------------------------------
#
# Reading the handbook is open to every signed-in employee, except pages an editor has
# made private with Wagtail's "Privacy" setting (a PageViewRestriction on the page or a
# page above it; see "Handbook page privacy" below). Editing uses Wagtail's own page
# permissions (GroupPagePermission: unit groups may add/change, handbook editors may
# also publish); approval is the page's owner or a handbook editor.


def _is_handbook_page(page) -> bool:
    return isinstance(page, ControlledPage)


def _owner_unit_id(page) -> int | None:
    page = page if _is_handbook_page(page) else page.specific
    if not _is_handbook_page(page):
        return None
    if page.owner_unit_id:
        return page.owner_unit_id
    if page.document_owner_id:
        User = get_user_model()
        return (
            User.objects.filter(pk=page.document_owner_id)
            .values_list("org_unit_id", flat=True)
            .first()
        )
    return None


def owner_agency_id(page) -> int | None:
    """The agency that owns a handbook page: its owning unit's, else its owner's."""
    unit_id = _owner_unit_id(page)
    if unit_id is None:
        return None
    return OrgUnit.objects.get(pk=unit_id).agency.pk


def _in_owner_agency(user, page) -> bool:
    if is_handbook_editor(user):
        return True
    unit_id = _owner_unit_id(page)
    if unit_id is None:
        return True
    if user.org_unit_id is None:
        return False
    if unit_id == user.org_unit_id:  # the common case, without a query
        return True
    # Same agency = same root: treebeard paths start with the root's path.
    paths = dict(
        OrgUnit.objects.filter(pk__in=[unit_id, user.org_unit_id]).values_list("pk", "path")
    )
    steplen = OrgUnit.steplen
    return len(paths) == 2 and paths[unit_id][:steplen] == paths[user.org_unit_id][:steplen]


def can_edit_handbook_page(user, page) -> bool:
    """Edit and submit a change: employees of the page's owner agency (Wagtail's permissions).

    Others may propose a change (from a forum post, or a hearing comment), not edit.
    """
    return (
        can_write(user)
        and page.permissions_for_user(user).can_edit()
        and _in_owner_agency(user, page)
    )


def edit_refusal(user, page) -> str:
    """Why ``user`` may not open ``page`` in the editor ("" when they may)."""
    if _in_owner_agency(user, page):
        return ""
    return _(
        "Siden eies av en annen etat. Du kan foreslå endringer fra forumet eller i en "
        "høring, men ikke redigere den."
    )


def can_publish_handbook_page(user, page) -> bool:
    """Publish outside the workflow: administrators only, recorded as a direct publish."""
    return (
        can_write(user)
        and is_administrator(user)
        and (user.is_superuser or page.permissions_for_user(user).can_publish())
    )


def handbook_change_author_ids(page) -> set[int]:
    """Who wrote the change waiting for approval: every revision since the live one,
    and whoever submitted it."""
    page = page if _is_handbook_page(page) else page.specific
    revisions = page.revisions.exclude(user=None)
    if page.live_revision_id:
        revisions = revisions.filter(pk__gt=page.live_revision_id)
    ids = set(revisions.values_list("user_id", flat=True))
    state = page.current_workflow_state
    if state is not None and state.requested_by_id:
        ids.add(state.requested_by_id)
    return ids


def self_approval_refusal(user, page) -> str:
    """Four eyes: the message when ``user`` wrote the change they try to approve."""
    if user.pk in handbook_change_author_ids(page):
        return _(
            "Du har skrevet denne endringen og kan ikke godkjenne den selv. Sidens "
            "dokumenteier eller en annen håndbokredaktør må godkjenne den."
        )
    return ""


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


def approvable_handbook_page_ids(user) -> list[str] | None:
    """Pages whose submitted changes the person approves: ``None`` means every page."""
    if is_handbook_editor(user):
        return None
    return handbook_page_ids_owned_by(user)


def can_read_handbook(user) -> bool:
    """The handbook is for every signed-in, active employee (private pages aside)."""
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def handbook_versions_visible_to(user):
    """Published versions of live pages the person may read (none for anonymous visitors)."""
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


def _page_restrictions(user) -> tuple[PageRestriction, ...]:
    """``handbook_restrictions()``, read once per request (memoised on the user)."""
    cached = getattr(user, "_fagrom_page_restrictions", None)
    if cached is None:
        cached = handbook_restrictions()
        user._fagrom_page_restrictions = cached
    return cached


def _passes(user, restriction: PageRestriction) -> bool:
    """Does the person pass one restriction (as Wagtail's ``accept_request`` would)?"""
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


def handbook_reader_class(user) -> str:
    """A short name for what of the handbook the person may read: people with the same
    one see the same pages (a key for parts shared by all of them, e.g. the contents)."""
    hidden = _hidden_page_paths(user)
    return hashlib.blake2b(repr(hidden).encode(), digest_size=8).hexdigest() if hidden else "all"


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
    if not can_read_handbook_page(user, page):
        return []
    return [
        r.id
        for r in _page_restrictions(user)
        if r.kind == PageViewRestriction.PASSWORD and page.path.startswith(r.path)
    ]


def users_who_can_read_handbook_page(page):
    """Active people who may read ``page`` (for required reading and e-mails)."""
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


def can_lock_handbook_page(user, page) -> bool:
    """Lock a page while writing: only someone who may read and edit it (Wagtail asks this
    on top of its own "lock" permission, through ``handbook.models.LockRulesMixin``)."""
    if getattr(user, "is_superuser", False):
        return True
    return can_read_handbook_page(user, page) and can_edit_handbook_page(user, page)


def can_unlock_handbook_page(user, page) -> bool:
    """Besides editors and whoever holds the lock, the page's owner lifts a lock on it."""
    return can_write(user) and getattr(page, "document_owner_id", None) == getattr(user, "pk", -1)
