"""Changing the handbook from outside the editor: proposals from the forum, four-eyes refusals."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

import access
from forum.views.common import visible_thread_or_404

from .. import services
from ..forms import (
    DeclineProposalForm,
    ProposalForm,
    RestoreVersionForm,
)
from ..models import ChangeProposal, PageVersion
from .reader import _controlled_page_or_404


@login_required
def proposal_new(request, thread_id):
    """A moderator turns a post of the thread into a change proposal on a handbook page."""
    thread = visible_thread_or_404(request.user, thread_id)
    if not access.can_propose_from_post(request.user, thread):
        raise access.AccessDenied(_("Bare moderatorer i temaet kan lage endringsforslag."))
    root = services.handbook_root()
    if root is None:
        raise Http404
    # A removed post's text must not travel into the handbook.
    posts = thread.posts.filter(is_hidden=False).select_related("author").order_by("position")
    pages = (
        Page.objects.descendant_of(root)
        .live()
        .filter(access.handbook_pages_q(request.user))
        .order_by("path")
    )
    initial = {"post": request.GET.get("innlegg")}
    form = ProposalForm(request.POST or None, posts=posts, pages=pages, initial=initial)
    if request.method == "POST" and form.is_valid():
        post = form.cleaned_data["post"]
        post.thread = thread
        try:
            proposal = services.proposal_create(
                post=post,
                page=form.cleaned_data["page"].specific,
                by=request.user,
                note=form.cleaned_data["note"],
            )
        except services.ProposalError as error:
            form.add_error("page", str(error))
        else:
            if not proposal.created:
                messages.info(
                    request,
                    _(
                        "Dette innlegget er allerede foreslått for «%(page)s» "
                        "(%(date)s, av %(name)s). Forslaget venter hos dokumenteieren."
                    )
                    % {
                        "page": proposal.page.title,
                        "date": date_format(
                            timezone.localtime(proposal.created_at), "DATETIME_FORMAT"
                        ),
                        "name": proposal.created_by.get_full_name(),
                    },
                )
            elif proposal.revision_id:
                messages.success(
                    request,
                    _(
                        "Endringsforslaget er lagt inn som utkast på «%(page)s» og koblet til tråden."
                    )
                    % {"page": proposal.page.title},
                )
            else:
                messages.warning(
                    request,
                    _(
                        "Siden har en endring til godkjenning. Forslaget er registrert for "
                        "dokumenteieren, men ikke lagt inn i utkastet ennå."
                    ),
                )
            return redirect(thread)
    return render(
        request,
        "handbook/proposal_new.html",
        {"thread": thread, "form": form},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_POST
def proposal_decline(request, proposal_id):
    proposal = get_object_or_404(
        ChangeProposal.objects.select_related("page", "thread__topic"), pk=proposal_id
    )
    if not access.can_view(request.user, proposal.thread):
        raise Http404  # a proposal from a closed room is not confirmed to outsiders
    page = _controlled_page_or_404(request.user, proposal.page_id)
    if not access.can_decide_proposal(request.user, proposal):
        raise access.AccessDenied(
            _("Bare dokumenteier eller en håndbokredaktør kan avslå forslag.")
        )
    form = DeclineProposalForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Skriv hvorfor forslaget ikke tas inn."))
        return redirect(page.url)
    try:
        services.proposal_decline(
            proposal=proposal, by=request.user, note=form.cleaned_data["note"]
        )
    except services.ProposalError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Forslaget er avslått, med begrunnelse."))
    return redirect(page.url)


@login_required
def self_approval_refused(request, page_id):
    """Where a workflow approval by the change's own author ends: why, and what next."""
    page = _controlled_page_or_404(request.user, page_id, live=False)
    return render(
        request,
        "403.html",
        {
            "exception": access.self_approval_refusal(request.user, page)
            or _("Endringen er ikke godkjent.")
        },
        status=403,
    )


@login_required
@require_POST
def version_restore(request, page_id, major, minor):
    """ "Gjenopprett denne versjonen": a draft from it, sent through the workflow."""
    page = _controlled_page_or_404(request.user, page_id)
    version = get_object_or_404(PageVersion, page_id=page.pk, major=major, minor=minor)
    form = RestoreVersionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Skriv kort hvorfor versjonen gjenopprettes."))
        return redirect("handbook:version", page_id=page.pk, major=major, minor=minor)
    try:
        services.version_restore(
            page=page, version=version, by=request.user, summary=form.cleaned_data["summary"]
        )
    except services.ProposalError as exc:
        messages.error(request, str(exc))
        return redirect("handbook:version", page_id=page.pk, major=major, minor=minor)
    messages.success(
        request,
        _("Versjon %(v)s er gjenopprettet som utkast og sendt til godkjenning.")
        % {"v": version.label},
    )
    return redirect("handbook:page_changelog", page_id=page.pk)
