"""The records officers' queue of access requests (innsynskrav) and their replies."""

from __future__ import annotations

from functools import partial

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

import access
from forum.views.common import paginate

from .. import services
from ..forms import AccessDecisionForm
from ..models import AccessRequest
from .actions import on_form

PER_PAGE = 50


@login_required
def access_requests(request):
    access.check_keep_records(request.user)
    show = request.GET.get("vis", "")
    requests = AccessRequest.objects.prefetch_related("entries__case")
    requests = requests if show == "alle" else requests.waiting()
    page_obj, page_range = paginate(request, requests, PER_PAGE)
    counts = services.access_request_counts()
    return render(
        request,
        "archive/access_requests.html",
        {
            "page_obj": page_obj,
            "page_range": page_range,
            "show": show,
            "counts": [
                (label, counts.get(value, 0)) for value, label in AccessRequest.Status.choices
            ],
            "overdue": counts["overdue"],
            "today": timezone.localdate(),
        },
    )


@login_required
def access_request_detail(request, request_id):
    access.check_keep_records(request.user)
    access_request = get_object_or_404(AccessRequest, pk=request_id)
    form = AccessDecisionForm(request.POST or None)
    if on_form(
        request,
        form,
        partial(services.access_request_decide, request=access_request, by=request.user),
        done=_("Innsynskravet er oppdatert."),
    ):
        return redirect("archive:access_request", request_id=access_request.pk)
    entries = access_request.entries.select_related("case").prefetch_related("documents")
    return render(
        request,
        "archive/access_request_detail.html",
        {
            "access_request": access_request,
            "entries": entries,
            "form": form,
            "today": timezone.localdate(),
        },
        status=400 if form.errors else 200,
    )
