"""What every forum view needs: visible objects or 404, and pagination."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404

import access


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


def visible_thread_or_404(user, thread_id):
    return get_object_or_404(
        access.threads_visible_to(user).select_related("topic__room", "author__org_unit"),
        pk=thread_id,
    )


def visible_post_or_404(user, post_id):
    return get_object_or_404(
        access.posts_visible_to(user).select_related("thread__topic__room", "author__org_unit"),
        pk=post_id,
    )
