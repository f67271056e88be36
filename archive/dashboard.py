"""The archive's part of the front page: the records officers' work waiting for them.

Fixed number of queries whatever the length of the queue.
"""

from __future__ import annotations

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

import access
from fagrom.panels import PANEL_SIZE, Panel

from . import services
from .models import DisposalList


def nominations_panel(user) -> Panel | None:
    """Threads proposed for journaling, oldest first."""
    if not access.can_keep_records(user):
        return None
    pending = services.nominations_pending_for(user)
    return Panel.listing(
        pending,
        key="nominations",
        title=_("Forslag til journalføring"),
        template="frontpage/nominations.html",
        more_url=reverse("archive:queue"),
        empty_text=_("Ingen tråder venter på journalføring."),
    )


def disposals_panel(user) -> Panel | None:
    """Disposal lists proposed and waiting for a records officer's approval."""
    if not access.can_keep_records(user):
        return None
    lists = list(
        DisposalList.objects.filter(status=DisposalList.Status.PROPOSED)
        .annotate(item_count=Count("items"))
        .order_by("created_at", "id")[:PANEL_SIZE]
    )
    return Panel(
        key="disposals",
        title=_("Kassasjonslister til godkjenning"),
        template="frontpage/disposals.html",
        items=lists,
        more_url=reverse("archive:disposals"),
        empty_text=_("Ingen kassasjonslister venter."),
    )


def role_panels_for(user) -> list[Panel]:
    return [p for p in (nominations_panel(user), disposals_panel(user)) if p is not None]
