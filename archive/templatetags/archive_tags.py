"""How the forum shows archive state without importing archive models.

``templates/forum/thread.html`` includes ``archive/includes/thread_status.html``,
which calls the tag below: "Journalført i sak 2026/123" for whoever may see the
thread, a nominate link for those who may nominate, and the legal-hold form for
records officers.
"""

from django import template
from django.db.models import Exists, OuterRef

import access
from fagrom import generations
from forum.models import Thread

from ..forms import HoldForm
from ..models import JournalEntry, LegalHold, Nomination

register = template.Library()


@register.inclusion_tag("archive/includes/thread_status_body.html", takes_context=True)
def thread_archive_status(context, thread):
    user = context["request"].user
    if not access.can_see_archive_status(user, thread):
        return {"show": False}
    # The thread page prefetches this key (forum/views/pages.py): keep both alike.
    flags, entries = generations.cached(
        f"thread-archive:{thread.pk}", make=lambda: _archive_facts(thread)
    )
    may_nominate = access.can_nominate(user, thread)
    pending = may_nominate and flags["pending"]
    keeps_records = access.can_keep_records(user)
    hold = None
    if keeps_records and flags["held"]:
        hold = LegalHold.objects.filter(thread=thread, lifted_at__isnull=True).first()
    return {
        "show": True,
        "request": context["request"],
        "thread": thread,
        "cases": sorted({e.case.number for e in entries}),
        "entries": entries,
        "may_nominate": may_nominate and not pending,
        "pending": pending,
        "keeps_records": keeps_records,
        "hold": hold,
        "hold_form": HoldForm() if keeps_records and not flags["held"] else None,
    }


def _archive_facts(thread):
    """Whether the thread is journaled, nominated or held, and its journal entries: the
    same for every reader (one query for the usual, un-journaled thread; a second lists
    the entries), kept while nothing changed."""
    flags = (
        Thread.objects.filter(pk=thread.pk)
        .annotate(
            journaled=Exists(JournalEntry.objects.filter(thread=OuterRef("pk"))),
            pending=Exists(
                Nomination.objects.filter(thread=OuterRef("pk"), status=Nomination.Status.PENDING)
            ),
            held=Exists(LegalHold.objects.filter(thread=OuterRef("pk"), lifted_at__isnull=True)),
        )
        .values("journaled", "pending", "held")
        .first()
    ) or {"journaled": False, "pending": False, "held": False}
    entries = []
    if flags["journaled"]:
        entries = list(
            JournalEntry.objects.filter(thread=thread)
            .select_related("case")
            .order_by("year", "sequence_number")
            .only(
                "id",
                "year",
                "sequence_number",
                "document_number",
                "case__year",
                "case__sequence_number",
            )
        )
    return flags, entries
