"""Reactions: "nyttig" (useful), one per person per post."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

import access

from ..models import Post, Reaction
from .counters import counted_toggle


@transaction.atomic
def useful_toggle(*, post: Post, by) -> tuple[bool, int]:
    """Mark or unmark a post as useful. Returns (marked now, new count)."""
    if not access.can_react(by, post):
        raise access.AccessDenied(_("Du kan ikke markere dette innlegget som nyttig."))
    marked = counted_toggle(
        Reaction, counter=Post.objects.filter(pk=post.pk), field="useful_count", user=by, post=post
    )
    count = Post.objects.filter(pk=post.pk).values_list("useful_count", flat=True).get()
    return marked, count


def useful_counts_repair() -> int:
    """Recompute every post's count from the reactions (the repair command calls this)."""
    from django.db.models import Count, OuterRef, Subquery, Value
    from django.db.models.functions import Coalesce

    n = (
        Reaction.objects.filter(post=OuterRef("pk"))
        .order_by()
        .values("post")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Post.objects.update(useful_count=Coalesce(Subquery(n), Value(0)))
