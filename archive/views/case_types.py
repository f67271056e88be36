"""Case types (sakstyper) for records officers: the list, new types, changes, a case's type."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import access

from .. import services
from ..forms import CaseTypeChoiceForm, CaseTypeForm
from ..models import Case, CaseType
from .actions import on_button, on_form


def _initial(case_type: CaseType) -> dict:
    return {
        "code": case_type.code,
        "title": case_type.title,
        "archive_class": case_type.archive_class_id,
        "decision": case_type.disposal_decision,
        "years": case_type.retention_years,
        "basis": case_type.disposal_basis,
        "is_active": case_type.is_active,
    }


@login_required
def case_types(request):
    """One form per type and one for a new type; a failed form is shown again with its errors."""
    access.check_keep_records(request.user)
    types = list(CaseType.objects.select_related("archive_class").order_by("code"))
    failed_pk, failed_form = None, None
    if request.method == "POST":
        editing = None
        if chosen := request.POST.get("case_type"):
            if not chosen.isdigit():  # a tampered form: not a type that exists
                raise Http404
            editing = get_object_or_404(CaseType, pk=int(chosen))
        form = CaseTypeForm(request.POST, prefix=f"t{editing.pk}" if editing else "new")

        def save(**fields):
            services.case_type_save(by=request.user, case_type=editing, **fields)

        if on_form(request, form, save, done=_("Sakstypen er lagret.")):
            return redirect("archive:case_types")
        failed_pk, failed_form = (editing.pk if editing else "new"), form
    rows = [
        (
            t,
            failed_form
            if failed_pk == t.pk
            else CaseTypeForm(prefix=f"t{t.pk}", initial=_initial(t)),
        )
        for t in types
    ]
    new_form = failed_form if failed_pk == "new" else CaseTypeForm(prefix="new")
    return render(
        request,
        "archive/case_types.html",
        {"rows": rows, "new_form": new_form},
        status=400 if failed_form is not None else 200,
    )


@login_required
@require_POST
def case_type_assign(request, case_id):
    access.check_keep_records(request.user)
    case = get_object_or_404(Case, pk=case_id)
    on_button(
        request,
        lambda case_type: services.case_type_assign(
            case=case, by=request.user, case_type=case_type
        ),
        form=CaseTypeChoiceForm(request.POST),
        done=_("Sakstypen er lagret."),
    )
    return redirect("archive:case", case_id=case.pk)
