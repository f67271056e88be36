"""Nettprat pages. The live page polls a small fragment every few seconds (htmx), so
everyone sees new questions, votes and answers without reloading and without websockets."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import access
from fagrom.throttle import posting_allowed

from ..forms_moderation import LiveChatAnswerForm, LiveChatForm, LiveChatQuestionForm
from ..models import LiveChat, LiveChatVote
from ..services import livechat as services

POLL_SECONDS = 4


def _chat_or_404(user, chat_id):
    return get_object_or_404(services.livechats_visible_to(user), pk=chat_id)


@login_required
def livechat_list(request):
    chats = services.livechats_visible_to(request.user).order_by("-starts_at")[:50]
    return render(
        request,
        "forum/livechat_list.html",
        {"chats": chats, "may_schedule": access.can_schedule_livechat(request.user)},
    )


@login_required
def livechat_new(request):
    if not access.can_schedule_livechat(request.user):
        raise access.AccessDenied(_("Bare administratorer kan planlegge nettprat."))
    form = LiveChatForm(
        request.POST if request.method == "POST" else None,
        topics=access.topics_visible_to(request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            chat = services.livechat_schedule(by=request.user, **form.cleaned_data)
        except services.LiveChatError as error:
            form.add_error("host", str(error))
        else:
            messages.success(request, _("Nettpraten er planlagt."))
            return redirect(chat)
    return render(
        request,
        "forum/moderation_form.html",
        {"form": form, "page_title": _("Planlegg nettprat"), "submit_label": _("Planlegg")},
        status=400 if form.is_bound else 200,
    )


def _questions_context(request, chat):
    questions = list(chat.questions.select_related("author__org_unit"))
    voted = set(
        LiveChatVote.objects.filter(user=request.user, question__chat=chat).values_list(
            "question_id", flat=True
        )
    )
    is_host = access.can_host_livechat(request.user, chat)
    return {
        "chat": chat,
        "answered": sorted(
            (q for q in questions if q.answered_at), key=lambda q: q.answered_at, reverse=True
        ),
        "waiting": [q for q in questions if not q.answered_at and not q.rejected_at],
        # Rejected questions: only their askers see them (with the reason).
        "my_rejected": [q for q in questions if q.rejected_at and q.author_id == request.user.pk],
        "may_reject": chat.state != LiveChat.State.ENDED
        and access.can_reject_livechat_question(request.user, chat),
        "voted": voted,
        "is_host": is_host,
        "may_ask": access.can_ask_livechat(request.user, chat),
        "poll_seconds": POLL_SECONDS,
    }


def _questions_fragment(request, chat):
    """The question list the live page shows, polls and swaps in after a vote or an answer."""
    return render(
        request, "forum/includes/livechat_questions.html", _questions_context(request, chat)
    )


@login_required
def livechat_detail(request, chat_id):
    chat = _chat_or_404(request.user, chat_id)
    return render(
        request,
        "forum/livechat.html",
        {**_questions_context(request, chat), "question_form": LiveChatQuestionForm()},
    )


@login_required
def livechat_questions(request, chat_id):
    """The fragment the live page polls. Answers 286 once the chat has ended (stop polling)."""
    chat = _chat_or_404(request.user, chat_id)
    response = _questions_fragment(request, chat)
    if chat.state == LiveChat.State.ENDED:
        response.status_code = 286
    return response


@login_required
@require_POST
def livechat_ask(request, chat_id):
    chat = _chat_or_404(request.user, chat_id)
    form = LiveChatQuestionForm(request.POST)
    if form.is_valid() and posting_allowed(request, form):
        services.question_ask(chat=chat, by=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Spørsmålet ditt er sendt."))
        return redirect(chat)
    return render(
        request,
        "forum/livechat.html",
        {**_questions_context(request, chat), "question_form": form},
        status=400,
    )


@login_required
@require_POST
def livechat_vote(request, chat_id, question_id):
    chat = _chat_or_404(request.user, chat_id)
    question = get_object_or_404(chat.questions, pk=question_id)
    services.question_vote_toggle(question=question, by=request.user)
    if request.htmx:
        return _questions_fragment(request, chat)
    return redirect(chat)


@login_required
@require_POST
def livechat_answer(request, chat_id, question_id):
    chat = _chat_or_404(request.user, chat_id)
    question = get_object_or_404(chat.questions, pk=question_id)
    form = LiveChatAnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Skriv et svar før du publiserer."))
        return redirect(chat)
    try:
        services.question_answer(
            question=question, by=request.user, answer=form.cleaned_data["answer"]
        )
    except services.LiveChatError as error:
        messages.error(request, str(error))
    if request.htmx:
        return _questions_fragment(request, chat)
    return redirect(chat)


@login_required
@require_POST
def livechat_reject(request, chat_id, question_id):
    chat = _chat_or_404(request.user, chat_id)
    question = get_object_or_404(chat.questions, pk=question_id)
    try:
        services.question_reject(
            question=question, by=request.user, reason=request.POST.get("reason", "")
        )
    except services.LiveChatError as error:
        if request.htmx:
            return HttpResponse(str(error), status=400)
        messages.error(request, str(error))
        return redirect(chat)
    if request.htmx:
        return _questions_fragment(request, chat)
    messages.success(request, _("Spørsmålet er avvist, og spørreren har fått begrunnelsen."))
    return redirect(chat)


@login_required
@require_POST
def livechat_control(request, chat_id):
    chat = _chat_or_404(request.user, chat_id)
    action = request.POST.get("action")
    if action == "start":
        services.livechat_start(chat=chat, by=request.user)
        messages.success(request, _("Nettpraten er i gang."))
    elif action == "end":
        thread = services.livechat_end(chat=chat, by=request.user)
        messages.success(request, _("Nettpraten er avsluttet og lagret som en låst tråd."))
        return redirect(thread)
    else:
        return HttpResponse(status=400)
    return redirect(chat)
