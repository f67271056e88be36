"""What every forum view needs: visible objects or 404, and pagination."""

from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef, Subquery
from django.shortcuts import get_object_or_404

import access

from ..models import Bookmark, Follow, IdeaVote, ThreadRead


def paginate(request, queryset, per_page, *, count=None):
    """A page of ``queryset`` from ``?page=``, and the elided page range for the template.

    Pass ``count`` when a counter column already knows it (saves a COUNT query).
    """
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # cached_property: an instance attribute overrides it
    page_obj = paginator.get_page(request.GET.get("page"))
    return page_obj, paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


def visible_topic_or_404(user, room_slug, topic_slug):
    return get_object_or_404(
        access.topics_visible_to(user).select_related("room"), room__slug=room_slug, slug=topic_slug
    )


def visible_thread_or_404(user, thread_id, *, reader_state=False):
    """The thread if ``user`` may see it, else 404.

    ``reader_state`` reads in the same statement what the thread page shows of the
    reader's own relation to it: ``reader_read_at`` (their read mark or None),
    ``is_following``, ``is_bookmarked``, ``has_voted``, ``accepted_position``.
    """
    threads = access.threads_visible_to(user).select_related("topic__room", "author__org_unit")
    if reader_state:
        threads = threads.annotate(
            reader_read_at=Subquery(
                ThreadRead.objects.filter(user=user, thread=OuterRef("pk")).values("read_at")[:1]
            ),
            is_following=Exists(Follow.objects.filter(user=user, thread=OuterRef("pk"))),
            is_bookmarked=Exists(Bookmark.objects.filter(user=user, thread=OuterRef("pk"))),
            has_voted=Exists(IdeaVote.objects.filter(user=user, thread=OuterRef("pk"))),
            accepted_position=F("accepted_answer__position"),
        )
    return get_object_or_404(threads, pk=thread_id)


def visible_post_or_404(user, post_id):
    return get_object_or_404(
        access.posts_visible_to(user).select_related("thread__topic__room", "author__org_unit"),
        pk=post_id,
    )
