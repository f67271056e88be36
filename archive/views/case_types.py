"""Case types (sakstyper) for records officers: the list, new types, changes, a case's type."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import access

from .. import services
from ..forms import CaseTypeChoiceForm, CaseTypeForm
from ..models import Case, CaseType
from ..services import ArchiveError


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
        if request.POST.get("case_type"):
            editing = get_object_or_404(CaseType, pk=request.POST["case_type"])
        prefix = f"t{editing.pk}" if editing else "new"
        form = CaseTypeForm(request.POST, prefix=prefix)
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.case_type_save(
                    by=request.user,
                    case_type=editing,
                    code=d["code"],
                    title=d["title"],
                    archive_class=d["archive_class"],
                    decision=d["decision"],
                    years=d["years"],
                    basis=d["basis"],
                    is_active=d["is_active"],
                )
            except ArchiveError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Sakstypen er lagret."))
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
    form = CaseTypeChoiceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Velg en sakstype fra listen."))
        return redirect("archive:case", case_id=case.pk)
    try:
        services.case_type_assign(
            case=case, by=request.user, case_type=form.cleaned_data["case_type"]
        )
    except ArchiveError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Sakstypen er lagret."))
    return redirect("archive:case", case_id=case.pk)
