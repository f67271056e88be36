"""Rules, the retention schedule, disposal lists and the audit log (records officers)."""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import access
from forum.views.common import paginate

from .. import services
from ..forms import NominationRuleForm, RetentionForm, RetentionRuleForm
from ..models import (
    ArchiveClass,
    ArchiveEvent,
    DisposalList,
    LegalHold,
    NominationRule,
    RetentionRule,
)
from ..services import ArchiveError
from .actions import on_button, on_form

PER_PAGE = 50


# Rules and disposal ------------------------------------------------------------------------


@login_required
def rules(request):
    access.check_keep_records(request.user)
    nomination_form = NominationRuleForm(prefix="n")
    retention_form = RetentionRuleForm(prefix="r")
    if request.method == "POST":
        if "n-what" in request.POST:
            form = nomination_form = NominationRuleForm(request.POST, prefix="n")
            create = services.nomination_rule_create
        else:
            form = retention_form = RetentionRuleForm(request.POST, prefix="r")
            create = services.retention_rule_create
        if on_button(
            request, partial(create, by=request.user), form=form, done=_("Regelen er lagret.")
        ):
            return redirect("archive:rules")
    return render(
        request,
        "archive/rules.html",
        {
            "nomination_rules": NominationRule.objects.filter(is_active=True).select_related(
                "room", "topic__room"
            ),
            "retention_rules": RetentionRule.objects.filter(is_active=True).select_related(
                "room", "topic__room"
            ),
            "holds": LegalHold.objects.filter(lifted_at__isnull=True).select_related(
                "thread", "placed_by"
            ),
            "nomination_form": nomination_form,
            "retention_form": retention_form,
        },
        status=400 if nomination_form.errors or retention_form.errors else 200,
    )


@login_required
@require_POST
def rule_deactivate(request, kind, rule_id):
    access.check_keep_records(request.user)
    model = NominationRule if kind == "forslag" else RetentionRule
    services.rule_deactivate(rule=get_object_or_404(model, pk=rule_id), by=request.user)
    messages.success(request, _("Regelen er slått av."))
    return redirect("archive:rules")


@login_required
def disposal_lists(request):
    access.check_keep_records(request.user)
    lists = DisposalList.objects.all()
    page_obj, page_range = paginate(request, lists, PER_PAGE)
    return render(
        request, "archive/disposal_lists.html", {"page_obj": page_obj, "page_range": page_range}
    )


@login_required
def disposal_detail(request, list_id):
    access.check_keep_records(request.user)
    disposal_list = get_object_or_404(DisposalList, pk=list_id)
    failed = False
    if request.method == "POST":
        try:
            if request.POST.get("action") == "approve":
                services.disposal_approve(disposal_list=disposal_list, by=request.user)
                messages.success(request, _("Kassasjonslisten er godkjent og utført."))
            else:
                services.disposal_reject(
                    disposal_list=disposal_list,
                    by=request.user,
                    reason=request.POST.get("reason", ""),
                )
                messages.success(request, _("Kassasjonslisten er avvist."))
            return redirect("archive:disposal", list_id=disposal_list.pk)
        except ArchiveError as exc:
            messages.error(request, exc.message)
            failed = True
    conflict = ""
    if disposal_list.status == DisposalList.Status.PROPOSED:
        conflict = services.disposal_conflict(disposal_list, request.user)
    return render(
        request,
        "archive/disposal_detail.html",
        {
            "disposal_list": disposal_list,
            "items": disposal_list.items.select_related("rule", "case"),
            "conflict": conflict,
            "single_officer": settings.ARCHIVE_SINGLE_RECORDS_OFFICER,
        },
        status=400 if failed else 200,
    )


@login_required
@require_POST
def disposal_propose(request):
    access.check_keep_records(request.user)
    disposal_list = services.disposal_propose(by=request.user)
    if disposal_list is None:
        messages.info(request, _("Ingenting er klart for kassasjon nå."))
        return redirect("archive:disposals")
    messages.success(
        request, _("Kassasjonslisten er foreslått. En annen arkivar må godkjenne den.")
    )
    return redirect("archive:disposal", list_id=disposal_list.pk)


@login_required
def retention_schedule(request):
    """The bevarings- og kassasjonsplan: one line per archive class, inherited by its cases."""
    access.check_keep_records(request.user)
    classes = ArchiveClass.objects.order_by("code")
    failed = None
    if request.method == "POST":
        klass = get_object_or_404(ArchiveClass, pk=request.POST.get("archive_class"))
        form = RetentionForm(request.POST, prefix=f"c{klass.pk}")
        if on_form(
            request,
            form,
            partial(services.archive_class_retention_set, archive_class=klass, by=request.user),
            done=_("Bevaringsplanen er lagret."),
        ):
            return redirect("archive:retention_schedule")
        failed = (klass.pk, form)
    rows = []
    for klass in classes:
        form = RetentionForm(
            prefix=f"c{klass.pk}",
            initial={
                "decision": klass.disposal_decision,
                "years": klass.retention_years,
                "basis": klass.disposal_basis,
            },
        )
        if failed and failed[0] == klass.pk:
            form = failed[1]
        rows.append((klass, form))
    return render(
        request,
        "archive/retention_schedule.html",
        {"rows": rows},
        status=400 if failed else 200,
    )


@login_required
def audit_log(request):
    access.check_keep_records(request.user)
    events = ArchiveEvent.objects.all()
    page_obj, page_range = paginate(request, events, PER_PAGE)
    return render(
        request, "archive/audit_log.html", {"page_obj": page_obj, "page_range": page_range}
    )
