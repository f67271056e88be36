"""Administrators read the identity log and decide correction requests (in the Wagtail admin)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import access

from . import services
from .models import IdentityCorrection, IdentityLogEntry
from .services.identity import IdentityError


def _check_administrator(request):
    if not access.is_administrator(request.user):
        raise PermissionDenied(_("Identitetsloggen er for administratorer."))


def identity_log(request):
    _check_administrator(request)
    entries = IdentityLogEntry.objects.select_related("person", "actor")
    query = request.GET.get("q", "").strip()[:100]
    if query:
        entries = entries.filter(
            Q(person__full_name__icontains=query) | Q(person__username__icontains=query)
        )
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    pending = IdentityCorrection.objects.filter(
        state=IdentityCorrection.State.PENDING
    ).select_related("person__org_unit", "org_unit")
    return render(
        request,
        "people/admin/identity_log.html",
        {"page_obj": page, "pending": pending, "q": query},
    )


@require_POST
def identity_correction_decide(request, correction_id):
    _check_administrator(request)
    correction = get_object_or_404(IdentityCorrection, pk=correction_id)
    approve = request.POST.get("decision") == "approve"
    try:
        services.identity_correction_decide(
            correction=correction,
            by=request.user,
            approve=approve,
            note=request.POST.get("note", "")[:2000],
        )
    except IdentityError:
        messages.error(
            request,
            _(
                "Rettelsen kan ikke avgjøres: den er allerede avgjort, eller den gjelder deg selv "
                "(da må en annen administrator gjøre det)."
            ),
        )
    else:
        messages.success(
            request,
            _("Rettelsen er godkjent og gjennomført.") if approve else _("Rettelsen er avslått."),
        )
    return redirect("people_identity_log")
