"""The one template tag through which templates ask ``people.access``."""

from django import template

from people import access

register = template.Library()

_VERBS = {
    "view": access.can_view,
    "post": access.can_post,
    "moderate": access.can_moderate,
    "edit_post": access.can_edit_post,
    "see_revisions": access.can_see_revisions,
    "manage_room": access.can_manage_room,
    # Moderation, guidance and listening (issue 4)
    "handle_post": access.can_handle_post,
    "see_hidden_post": access.can_see_hidden_post,
    "flag": access.can_flag,
    "react": access.can_react,
    "accept_answer": access.can_accept_answer,
}


@register.simple_tag(takes_context=True)
def can(context, verb, obj=None):
    """``{% can "moderate" topic as may_moderate %}``; role verbs take no object."""
    user = context["request"].user
    if verb == "write":
        return access.can_write(user)
    if verb == "administer":
        return access.is_administrator(user)
    if verb == "edit_handbook":
        return access.is_handbook_editor(user)
    if verb == "keep_records":
        return access.is_records_officer(user)
    if verb == "moderate_any":
        return access.is_moderator(user)
    return _VERBS[verb](user, obj)


@register.inclusion_tag("includes/write_blocked.html", takes_context=True)
def write_blocked_banner(context):
    return {"reason": access.write_blocked_reason(context["request"].user)}


@register.inclusion_tag("includes/person.html")
def person(user):
    """``{% person post.author %}`` → "Kari Nordmann · NAV Sandnes" linked to the profile."""
    return {"person": user}
