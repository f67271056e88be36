"""Room members: who is in a room, and (for owners and administrators) adding, removing, roles.

Every page works without JavaScript; with htmx the people/unit search updates
in place (the view answers an htmx request with just the results).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import access

from .. import services
from ..forms import MemberAddForm, MemberRoleForm, MemberSearchForm
from ..models import Room, RoomMembership, RoomRole
from .common import paginate

_ROLE_ORDER = Case(
    *(When(role=role, then=Value(i)) for i, role in enumerate(reversed(RoomRole.values))),
    output_field=IntegerField(),
)


def _room_for_members_or_404(user, room_slug) -> Room:
    room = get_object_or_404(Room, slug=room_slug)
    access.check_see_members(user, room)  # 404 for those who may not see the room
    return room


def _members_page(request, room, *, add_form=None, status=200):
    may_manage = access.can_manage_room(request.user, room)
    memberships = (
        room.memberships.select_related("user__org_unit", "unit")
        .annotate(role_order=_ROLE_ORDER)
        .order_by("role_order", "unit__path", "user__full_name", "pk")
    )
    search_form = MemberSearchForm(request.GET or None)
    searched = search_form.is_valid()  # always, so cleaned_data exists for non-managers too
    people, units = [], []
    if may_manage and searched:
        people, units = services.room_member_candidates(
            room=room, query=search_form.cleaned_data["q"]
        )
    context = {
        "room": room,
        "memberships": memberships,
        "may_manage": may_manage,
        "search_form": search_form,
        "query": search_form.cleaned_data.get("q", "") if search_form.is_bound else "",
        "people": people,
        "units": units,
        "add_form": add_form,
        "roles": RoomRole.choices,
        "unit_roles": [c for c in RoomRole.choices if c[0] != RoomRole.OWNER],
    }
    if request.htmx and request.htmx.target == "member-search-results":
        return render(request, "forum/includes/member_search_results.html", context)
    return render(request, "forum/room_members.html", context, status=status)


@login_required
def room_members(request, room_slug):
    room = _room_for_members_or_404(request.user, room_slug)
    return _members_page(request, room)


@login_required
@require_POST
def room_member_add(request, room_slug):
    room = _room_for_members_or_404(request.user, room_slug)
    access.check_manage_room(request.user, room)
    form = MemberAddForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            membership = services.room_member_add(
                room=room,
                by=request.user,
                role=data["role"],
                user=data["user"],
                unit=data["unit"],
                include_subunits=data["include_subunits"],
            )
        except services.MembershipError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _("%(member)s er lagt til som %(role)s.")
                % {
                    "member": membership.member_label,
                    "role": membership.get_role_display().lower(),
                },
            )
            return redirect("forum:room_members", room_slug=room.slug)
    return _members_page(request, room, add_form=form, status=400)


def _membership_or_404(room, membership_id) -> RoomMembership:
    return get_object_or_404(
        room.memberships.select_related("user__org_unit", "unit__group", "unit__direct_group"),
        pk=membership_id,
    )


@login_required
@require_POST
def room_member_role(request, room_slug, membership_id):
    room = _room_for_members_or_404(request.user, room_slug)
    access.check_manage_room(request.user, room)
    membership = _membership_or_404(room, membership_id)
    form = MemberRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Velg en rolle fra listen."))
        return redirect("forum:room_members", room_slug=room.slug)
    try:
        services.room_member_set_role(
            membership=membership, by=request.user, role=form.cleaned_data["role"]
        )
    except services.MembershipError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("%(member)s har nå rollen %(role)s.")
            % {"member": membership.member_label, "role": membership.get_role_display().lower()},
        )
    if not access.can_see_members(request.user, room):  # an owner who stepped down
        return redirect("forum:index")
    return redirect("forum:room_members", room_slug=room.slug)


@login_required
@require_POST
def room_member_remove(request, room_slug, membership_id):
    room = _room_for_members_or_404(request.user, room_slug)
    access.check_manage_room(request.user, room)
    membership = _membership_or_404(room, membership_id)
    label = membership.member_label
    try:
        services.room_member_remove(membership=membership, by=request.user)
    except services.MembershipError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("%(member)s er fjernet fra rommet.") % {"member": label})
    if not access.can_see_members(request.user, room):  # removed themselves
        return redirect("forum:index")
    return redirect("forum:room_members", room_slug=room.slug)


@login_required
def room_audit_log(request, room_slug):
    room = _room_for_members_or_404(request.user, room_slug)
    access.check_manage_room(request.user, room)
    entries = room.audit_entries.select_related("actor__org_unit")
    page_obj, page_range = paginate(request, entries, settings.THREADS_PER_PAGE)
    return render(
        request,
        "forum/room_audit.html",
        {"room": room, "page_obj": page_obj, "page_range": page_range},
    )
