"""The suggestion box: ideas by status and votes, voting, and status changes."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import access

from ..forms_moderation import IdeaStatusForm
from ..models import IdeaStatus, Thread
from ..services import ideas as services
from .common import paginate, visible_thread_or_404


@login_required
def idea_list(request):
    status = request.GET.get("status", "")
    if status not in IdeaStatus.values:
        status = ""
    ideas = services.ideas_visible_to(request.user, status=status or None)
    counts = dict(
        services.ideas_visible_to(request.user)
        .order_by()
        .values_list("idea_status")
        .annotate(n=Count("pk"))
    )
    page_obj, page_range = paginate(request, ideas, settings.THREADS_PER_PAGE)
    return render(
        request,
        "forum/ideas.html",
        {
            "page_obj": page_obj,
            "page_range": page_range,
            "status": status,
            "statuses": [
                (value, label, counts.get(value, 0)) for value, label in IdeaStatus.choices
            ],
        },
    )


@login_required
@require_POST
def idea_vote(request, thread_id):
    thread = visible_thread_or_404(request.user, thread_id)
    voted, count = services.idea_vote_toggle(thread=thread, by=request.user)
    if request.htmx:
        thread.vote_count = count
        return render(
            request,
            "forum/includes/vote_button.html",
            {"thread": thread, "has_voted": voted, "may_vote": True},
        )
    messages.success(
        request, _("Stemmen din er registrert.") if voted else _("Stemmen er trukket.")
    )
    return redirect(thread)


@login_required
def idea_status(request, thread_id):
    thread = visible_thread_or_404(request.user, thread_id)
    access.check_moderate(request.user, thread)
    if thread.kind != Thread.Kind.IDEA:
        return redirect(thread)
    form = IdeaStatusForm(
        request.POST if request.method == "POST" else None,
        initial={"status": thread.idea_status, "reason": thread.idea_status_reason},
    )
    if request.method == "POST" and form.is_valid():
        services.idea_set_status(thread=thread, by=request.user, **form.cleaned_data)
        messages.success(request, _("Statusen er endret, og de som følger forslaget, varsles."))
        return redirect(thread)
    return render(
        request,
        "forum/moderation_form.html",
        {
            "form": form,
            "page_title": _("Status for forslaget"),
            "submit_label": _("Lagre status"),
            "thread": thread,
            "topic": thread.topic,
            "room": thread.topic.room,
        },
        status=400 if form.is_bound else 200,
    )
