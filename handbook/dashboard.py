"""The handbook's part of the front page: changes and required reading for everyone.

Every function reads through ``access`` and asks the database a fixed
number of times, whatever the number of pages, versions or units.
"""

from __future__ import annotations

import datetime

from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import TaskState

import access
from fagrom.panels import PANEL_SIZE, Panel

from . import services
from .models import ChangeProposal, HandbookApprovalTask, Hearing

HEARINGS_CLOSING_DAYS = 14  # hearings whose deadline is this close are shown


def changes_panel(user) -> Panel | None:
    """The latest published versions in the handbook."""
    if not access.can_read_handbook(user):
        return None
    versions = (
        access.handbook_versions_visible_to(user)
        .select_related("approver__org_unit")
        .order_by("-published_at", "-id")
    )
    return Panel(
        key="handbook-changes",
        title=_("Endringer i håndboken"),
        template="frontpage/handbook_versions.html",
        items=list(versions[:PANEL_SIZE]),
        more_url=reverse("handbook:changelog"),
        empty_text=_("Ingen publiserte endringer ennå."),
    )


def required_reading_panel(user) -> Panel | None:
    """Required pages the person has not yet confirmed as read and understood."""
    if not access.can_read_handbook(user):
        return None
    pages = services.readings_unconfirmed_for(user)
    return Panel(
        key="required-reading",
        title=_("Lest og forstått: ikke bekreftet"),
        template="frontpage/required_reading.html",
        items=pages[:PANEL_SIZE],
        count=len(pages),
        empty_text=_("Du har bekreftet alt du må lese."),
    )


def _owned_or_all(user, qs, field: str):
    """Handbook editors see every page's items; owners only those of their own pages.

    Never items of pages the person may not read (Wagtail's page privacy).
    """
    if hidden := access.handbook_page_ids_hidden_from(user):
        qs = qs.exclude(**{f"{field}__in": [str(pk) for pk in hidden]})
    if access.is_handbook_editor(user):
        return qs
    return qs.filter(**{f"{field}__in": access.handbook_page_ids_owned_by(user)})


def approvals_panel(user) -> Panel | None:
    """Changes submitted for approval that the person may approve (Wagtail workflow tasks)."""
    if not access.has_handbook_duties(user):
        return None
    states = _owned_or_all(
        user,
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            task_id__in=HandbookApprovalTask.objects.values("pk"),
        ),
        "workflow_state__object_id",
    )
    return Panel.listing(
        states.select_related("workflow_state__requested_by__org_unit")
        .annotate(page_title=F("revision__object_str"), page_id=F("workflow_state__object_id"))
        .order_by("started_at", "id"),
        key="handbook-approvals",
        title=_("Endringer som venter på godkjenning"),
        template="frontpage/handbook_approvals.html",
        more_url=reverse("wagtailadmin_home"),
        empty_text=_("Ingen endringer venter på deg."),
    )


def review_panel(user) -> Panel | None:
    """Pages past or near their review date: all for editors, their own for owners."""
    if not access.has_handbook_duties(user):
        return None
    today = timezone.localdate()
    pages = services.pages_due_for_review(user=user, today=today)
    for page in pages:
        page.overdue = page.next_review_date < today
    return Panel(
        key="handbook-review",
        title=_("Sider som skal revideres"),
        template="frontpage/handbook_review.html",
        items=pages[:PANEL_SIZE],
        count=len(pages),
        more_url=reverse("handbook:review"),
        empty_text=_("Ingen sider nærmer seg revisjonsdatoen."),
    )


def proposals_panel(user) -> Panel | None:
    """Change proposals from the forum waiting for a decision (threads the person may see)."""
    if not access.has_handbook_duties(user):
        return None
    proposals = _owned_or_all(
        user,
        ChangeProposal.objects.filter(status=ChangeProposal.Status.PENDING).filter(
            access.visible_rooms_q(user, "thread__topic__")
        ),
        "page_id",
    )
    return Panel.listing(
        proposals.select_related("page", "thread", "created_by__org_unit").order_by(
            "created_at", "id"
        ),
        key="handbook-proposals",
        title=_("Endringsforslag fra forumet"),
        template="frontpage/handbook_proposals.html",
        empty_text=_("Ingen endringsforslag venter."),
    )


def hearings_panel(user) -> Panel | None:
    """Hearings on the person's pages (or all, for editors) whose deadline is near."""
    if not access.has_handbook_duties(user):
        return None
    today = timezone.localdate()
    hearings = Hearing.objects.filter(
        access.handbook_pages_q(user, "page__"),
        deadline__gte=today,
        deadline__lte=today + datetime.timedelta(days=HEARINGS_CLOSING_DAYS),
    )
    if not access.is_handbook_editor(user):
        hearings = hearings.filter(
            Q(page_id__in=access.handbook_page_ids_owned_by(user)) | Q(created_by=user)
        )
    items = list(hearings.select_related("page").order_by("deadline", "id")[:PANEL_SIZE])
    return Panel(
        key="handbook-hearings",
        title=_("Høringer som snart lukkes"),
        template="frontpage/handbook_hearings.html",
        items=items,
        empty_text=_("Ingen høringer lukkes de neste %(days)d dagene.")
        % {"days": HEARINGS_CLOSING_DAYS},
    )


def panels_for(user) -> list[Panel]:
    """The handbook's sections for everyone."""
    return [p for p in (required_reading_panel(user), changes_panel(user)) if p is not None]


def role_panels_for(user) -> list[Panel]:
    """The handbook's panels for editors and page owners."""
    panels = (
        approvals_panel(user),
        review_panel(user),
        proposals_panel(user),
        hearings_panel(user),
    )
    return [p for p in panels if p is not None]
