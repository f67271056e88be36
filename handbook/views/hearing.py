"""Internal hearings (høringer) on a handbook draft."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import access
from fagrom.throttle import posting_allowed
from people.models import OrgUnit

from .. import services
from ..diff import word_diff
from ..forms import (
    HearingCommentForm,
    HearingForm,
    HearingResponseForm,
)
from ..models import (
    Hearing,
    HearingComment,
)
from .reader import _controlled_page_or_404, _handbook_trail


@login_required
def hearing_new(request, page_id):
    page = _controlled_page_or_404(request.user, page_id, live=False)
    if not access.can_open_hearing(request.user, page):
        raise access.AccessDenied(
            _("Bare dokumenteier eller en håndbokredaktør kan sende på høring.")
        )
    today = timezone.localdate()
    form = HearingForm(
        request.POST or None,
        units=OrgUnit.objects.order_by("path"),
        today=today,
        initial={"title": _("Høring: %(title)s") % {"title": page.title}},
    )
    if request.method == "POST" and form.is_valid():
        hearing = services.hearing_open(page=page, by=request.user, **form.cleaned_data)
        messages.success(request, _("Utkastet er sendt på høring."))
        return redirect(hearing)
    return render(
        request,
        "handbook/hearing_new.html",
        {
            "page": page,
            "trail": _handbook_trail(page),
            "form": form,
            "has_draft": page.latest_revision_id != page.live_revision_id,
        },
        status=400 if form.is_bound else 200,
    )


@login_required
def hearing_detail(request, hearing_id):
    hearing = get_object_or_404(
        Hearing.objects.select_related("page", "revision", "created_by__org_unit", "version"),
        pk=hearing_id,
    )
    access.check_read_handbook_page(request.user, hearing.page)
    draft = hearing.revision.as_object()
    sections = draft.sections()
    may_comment = access.can_comment_on_hearing(request.user, hearing)
    form = None
    if may_comment:
        form = HearingCommentForm(request.POST or None, sections=sections)
        if request.method == "POST" and form.is_valid() and posting_allowed(request, form):
            try:
                services.hearing_comment_add(
                    hearing=hearing,
                    by=request.user,
                    section_id=form.cleaned_data["section"],
                    body=form.cleaned_data["body"],
                )
            except services.ProposalError as error:
                form.add_error("section", str(error))
            else:
                messages.success(request, _("Innspillet ditt er registrert."))
                return redirect(hearing)
    elif request.method == "POST":
        raise access.AccessDenied(_("Du er ikke med i denne høringen, eller fristen er ute."))
    comments = list(hearing.comments.select_related("author__org_unit", "responded_by__org_unit"))
    for section in sections:
        section["comments"] = [c for c in comments if c.section_id == section["id"]]
    known = {s["id"] for s in sections}
    # What the hearing is about: the draft against the version in force now.
    current_page = hearing.page.specific
    changes = None
    if current_page.live_revision_id:
        current = current_page.live_revision.as_object()
        changes = word_diff(current.diff_paragraphs(), draft.diff_paragraphs())
    return render(
        request,
        "handbook/hearing.html",
        {
            "hearing": hearing,
            "page": hearing.page,
            "draft": draft,
            "sections": sections,
            "orphan_comments": [c for c in comments if c.section_id not in known],
            "form": form,
            "units": hearing.units.order_by("path"),
            "may_respond": access.can_respond_to_hearing(request.user, hearing),
            "response_form": HearingResponseForm(),
            "changes": changes,
            "current_label": current_page.version_label if changes else "",
        },
        status=400 if form is not None and form.is_bound else 200,
    )


@login_required
@require_POST
def hearing_respond(request, comment_id):
    comment = get_object_or_404(
        HearingComment.objects.select_related("hearing__page"), pk=comment_id
    )
    access.check_read_handbook_page(request.user, comment.hearing.page)
    if not access.can_respond_to_hearing(request.user, comment.hearing):
        raise access.AccessDenied(_("Bare redaktøren og dokumenteieren svarer på innspill."))
    form = HearingResponseForm(request.POST)
    if form.is_valid():
        services.hearing_comment_respond(
            comment=comment, by=request.user, response=form.cleaned_data["response"]
        )
        messages.success(request, _("Svaret er lagret."))
    else:
        messages.error(request, _("Skriv et svar før du lagrer."))
    return redirect(comment.hearing)
