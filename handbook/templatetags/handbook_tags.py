"""What other apps' templates show of the handbook."""

from django import template

import access
from fagrom import generations

from ..models import ChangeProposal

register = template.Library()


@register.inclusion_tag("handbook/includes/thread_links.html", takes_context=True)
def thread_handbook_links(context, thread):
    """On a forum thread: the handbook pages it has proposed changes to that the reader
    may read (one query; the pages' privacy is read only when there are proposals)."""
    user = context["request"].user
    proposals = [
        proposal
        # The thread page prefetches this key (forum/views/pages.py): keep both alike.
        for proposal in generations.cached(
            f"thread-proposals:{thread.pk}", make=lambda: _proposals(thread)
        )
        if access.can_read_handbook_page(user, proposal.page)
    ]
    return {
        "thread": thread,
        "proposals": proposals,
        "may_propose": access.can_propose_from_post(user, thread),
    }


def _proposals(thread) -> list:
    """The thread's latest proposals with their pages, for every reader alike (kept while
    nothing changed; each reader's page privacy is applied after)."""
    return list(
        ChangeProposal.objects.filter(thread=thread)
        .select_related("page")
        .order_by("-created_at")[:10]
    )
