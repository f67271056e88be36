"""Guidance service pages: accept an answer, similar questions while typing, rule references."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import access

from .. import rules
from ..models import RuleReference
from ..services import guidance
from ..services.posting import post_url
from .common import paginate, visible_post_or_404


@login_required
@require_POST
def answer_accept(request, post_id):
    post = visible_post_or_404(request.user, post_id)
    access.check_accept_answer(request.user, post.thread)
    try:
        guidance.answer_accept(thread=post.thread, post=post, by=request.user)
    except guidance.GuidanceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Svaret er merket som godtatt."))
    return redirect(post_url(post))


@login_required
def similar(request):
    """htmx: earlier questions and clarifications like the title being typed."""
    text = request.GET.get("title", "")[:200]
    questions, clarifications = guidance.similar_suggestions(request.user, text)
    return render(
        request,
        "forum/includes/similar.html",
        {"questions": questions, "clarifications": clarifications, "text": text},
    )


@login_required
def rule_references(request):
    query = request.GET.get("q", "")[:100]
    refs = guidance.rule_references_visible_to(request.user, query)
    page_obj, page_range = paginate(request, refs, 50)
    return render(
        request,
        "forum/rule_references.html",
        {"page_obj": page_obj, "page_range": page_range, "q": query},
    )


@login_required
def rule_reference(request, law, section):
    reference = get_object_or_404(RuleReference, law=law, section=section)
    threads = guidance.threads_citing(request.user, reference)
    page_obj, page_range = paginate(request, threads, settings.THREADS_PER_PAGE)
    return render(
        request,
        "forum/rule_reference.html",
        {
            "reference": reference,
            "lovdata_url": rules.lovdata_url(reference),
            "page_obj": page_obj,
            "page_range": page_range,
        },
    )
