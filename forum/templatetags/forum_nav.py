"""Menu items for moderation and listening: one query for the unread count, two for the queue."""

from django import template

from ..services import listening
from ..views.moderation import nav_counts

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notification_count(context):
    user = context["request"].user
    return listening.unread_count_memo(user) if user.is_authenticated else 0


@register.simple_tag(takes_context=True)
def moderator_queue_count(context):
    user = context["request"].user
    return nav_counts(user).get("queue_count") if user.is_authenticated else None
