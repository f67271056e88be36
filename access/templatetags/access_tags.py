"""The one template tag through which templates ask ``access``."""

import functools
from urllib.parse import quote

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.html import format_html

import access

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
    "read_handbook_page": access.can_read_handbook_page,
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


_PATH_SAFE = "!$&'()*+,;=~:@"


def _profile_url(username: str) -> str:
    """``reverse("people:profile")`` without resolving the pattern for every person."""
    prefix = _profile_prefix(get_script_prefix())
    # Quoted as ``reverse`` quotes a path argument (RFC 3986 sub-delimiters stay).
    return f"{prefix}{quote(username, safe=_PATH_SAFE)}/"


@functools.lru_cache(maxsize=8)
def _profile_prefix(script_prefix: str) -> str:
    return reverse("people:profile", args=["x"])[:-2]


@register.simple_tag
def person(user):
    """``{% person post.author %}`` → "Kari Nordmann · NAV Sandnes" linked to the profile.

    Built with ``format_html`` rather than an inclusion template: lists show up to
    a hundred people per page, and an inclusion tag costs a template render each
    (measured: 60 people took ~10 ms as an inclusion tag). Needs ``org_unit`` loaded.
    """
    href = _profile_url(user.username)
    name = user.get_full_name()
    if not user.org_unit_id:
        return format_html(
            '<a class="person" href="{}"><span class="person__name">{}</span></a>', href, name
        )
    return format_html(
        '<a class="person" href="{}"><span class="person__name">{}</span>'
        ' <span class="person__workplace">· {}</span></a>',
        href,
        name,
        user.org_unit.name,
    )


def person_as_written(username: str, name: str, workplace: str):
    """A person's name and workplace as stored with what they wrote, linked to their profile now."""
    href = _profile_url(username)
    if not workplace:
        return format_html(
            '<a class="person" href="{}"><span class="person__name">{}</span></a>', href, name
        )
    return format_html(
        '<a class="person" href="{}"><span class="person__name">{}</span>'
        ' <span class="person__workplace">· {}</span></a>',
        href,
        name,
        workplace,
    )


@register.simple_tag
def author(obj):
    """``{% author post %}``: the author as they were when they wrote (``Post.author_name``).

    A move or a new name must not rewrite history; the link still leads to the person's
    profile as it is today. Also takes a ``PostRevision`` (its editor as they were).
    Needs ``author`` (or ``edited_by``) and its ``org_unit`` loaded.
    """
    user = obj.author if hasattr(obj, "author_id") else obj.edited_by
    if not obj.author_name:  # a row from before the snapshot: today's values
        return person(user)
    return person_as_written(user.username, obj.author_name, obj.author_workplace)
