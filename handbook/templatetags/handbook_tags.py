"""What other apps' templates show of the handbook."""

from django import template

import access

from ..models import ChangeProposal

register = template.Library()


@register.inclusion_tag("handbook/includes/thread_links.html", takes_context=True)
def thread_handbook_links(context, thread):
    """On a forum thread: the handbook pages it has proposed changes to that the reader
    may read (one query; the pages' privacy is read only when there are proposals)."""
    user = context["request"].user
    proposals = [
        proposal
        for proposal in ChangeProposal.objects.filter(thread=thread)
        .select_related("page")
        .order_by("-created_at")[:10]
        if access.can_read_handbook_page(user, proposal.page)
    ]
    return {
        "thread": thread,
        "proposals": proposals,
        "may_propose": access.can_propose_from_post(user, thread),
    }
