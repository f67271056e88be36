"""Reactions: "nyttig" (useful), one per person per post."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

import access

from ..models import Post, Reaction


@transaction.atomic
def useful_toggle(*, post: Post, by) -> tuple[bool, int]:
    """Mark or unmark a post as useful. Returns (marked now, new count)."""
    if not access.can_react(by, post):
        raise access.AccessDenied(_("Du kan ikke markere dette innlegget som nyttig."))
    deleted, _rows = Reaction.objects.filter(user=by, post=post).delete()
    if deleted:
        Post.objects.filter(pk=post.pk).update(useful_count=F("useful_count") - 1)
        marked = False
    else:
        try:
            with transaction.atomic():
                Reaction.objects.create(user=by, post=post)
        except IntegrityError:
            pass  # a double click raced us; the first one counted
        else:
            Post.objects.filter(pk=post.pk).update(useful_count=F("useful_count") + 1)
        marked = True
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
