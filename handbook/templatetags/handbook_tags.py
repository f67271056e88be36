"""What other apps' templates show of the handbook."""

from django import template

from people import access

from ..models import ChangeProposal

register = template.Library()


@register.inclusion_tag("handbook/includes/thread_links.html", takes_context=True)
def thread_handbook_links(context, thread):
    """On a forum thread: the handbook pages it has proposed changes to that the reader
    may read (one query, and the pages' privacy once per request)."""
    user = context["request"].user
    proposals = list(
        ChangeProposal.objects.filter(access.handbook_pages_q(user, "page__"), thread=thread)
        .select_related("page")
        .order_by("-created_at")[:10]
    )
    return {
        "thread": thread,
        "proposals": proposals,
        "may_propose": access.can_propose_from_post(user, thread),
    }
