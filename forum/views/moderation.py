"""Moderator tools: verify, clarify, notes, move/rename/lock/pin, hide/restore, flags,
escalations, the queue, the log and the public removals page."""

from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import access

from ..forms_moderation import (
    ClarificationForm,
    EscalationAnswerForm,
    EscalationForm,
    FlagForm,
    FlagHandleForm,
    HideForm,
    MoveForm,
    NoteForm,
    QuestionStatusForm,
    RenameForm,
    RestoreForm,
)
from ..models import Clarification
from ..services import escalation as escalation_services
from ..services import flags as flag_services
from ..services import guidance
from ..services import moderation as services
from ..services.menu import menu_counts
from ..services.posting import post_url
from .common import paginate, visible_post_or_404, visible_thread_or_404, visible_topic_or_404


def _form_page(request, *, form, thread=None, post=None, intro=None):
    """One template for the small moderation forms: the form's heading, explanation
    (``intro`` overrides it) and button (``ModeratorForm``)."""
    thread = thread or (post.thread if post else None)
    return render(
        request,
        "forum/moderation_form.html",
        {
            "form": form,
            "page_title": form.page_title,
            "submit_label": form.submit_label,
            "intro": form.intro if intro is None else intro,
            "thread": thread,
            "topic": thread.topic if thread else None,
            "room": thread.topic.room if thread else None,
            "post": post,
        },
        status=400 if form.is_bound else 200,
    )


def _bound(request, form_class, **kwargs):
    return form_class(request.POST if request.method == "POST" else None, **kwargs)


def _moderator_action(
    request, form_class, act, *, then, form_kwargs=None, error_field=None, **page
):
    """The moderator-action shape, once: the caller has loaded the visible object and
    checked access; here the ``ModeratorForm`` is bound, and when it is valid
    ``act(**cleaned_data)`` runs the service, the form's ``done`` is said and the browser
    goes on to ``then`` (a URL or URL name, or a callable given the service's result).
    Otherwise the form page again (400 when posted).

    ``error_field``: a ``ModerationError`` from the service belongs on that field of the
    form (the page shows it) instead of being raised.
    """
    form = _bound(request, form_class, **(form_kwargs or {}))
    if request.method == "POST" and form.is_valid():
        try:
            result = act(**form.cleaned_data)
        except services.ModerationError as error:
            if error_field is None:
                raise
            form.add_error(error_field, str(error))
        else:
            messages.success(request, str(form.done))
            return redirect(then(result) if callable(then) else then)
    return _form_page(request, form=form, **page)


# Posts -------------------------------------------------------------------------------


@login_required
@require_POST
def post_verify(request, post_id):
    post = visible_post_or_404(request.user, post_id)
    access.check_handle_post(request.user, post)
    try:
        if request.POST.get("undo"):
            services.post_unverify(post=post, by=request.user)
            messages.success(request, _("Kvalitetssikringen er fjernet."))
        else:
            services.post_verify(post=post, by=request.user)
            messages.success(request, _("Svaret er merket som kvalitetssikret."))
    except services.ModerationError as error:
        messages.error(request, str(error))
    return redirect(post_url(post))


@login_required
def post_hide(request, post_id):
    post = visible_post_or_404(request.user, post_id)
    access.check_handle_post(request.user, post)
    act = partial(services.post_hide, post=post, by=request.user)
    return _moderator_action(request, HideForm, act, then=post_url, post=post)


@login_required
def post_restore(request, post_id):
    post = visible_post_or_404(request.user, post_id)
    access.check_handle_post(request.user, post)
    act = partial(services.post_restore, post=post, by=request.user)
    return _moderator_action(request, RestoreForm, act, then=post_url, post=post)


@login_required
def post_flag(request, post_id):
    post = visible_post_or_404(request.user, post_id)
    access.check_flag(request.user, post)
    act = partial(flag_services.flag_create, post=post, by=request.user)
    return _moderator_action(request, FlagForm, act, then=lambda _flag: post_url(post), post=post)


# Threads --------------------------------------------------------------------------------


@login_required
def clarification_new(request, thread_id):
    thread = visible_thread_or_404(request.user, thread_id)
    access.check_moderate(request.user, thread)
    return _moderator_action(
        request,
        ClarificationForm,
        partial(services.clarification_create, thread=thread, by=request.user),
        form_kwargs={"topic": thread.topic},
        error_field="replaces",
        then=lambda clarification: clarification.get_absolute_url(),
        thread=thread,
    )


@login_required
@require_POST
def moderator_note_new(request, thread_id):
    thread = visible_thread_or_404(request.user, thread_id)
    access.check_moderate(request.user, thread)
    act = partial(services.moderator_note_add, thread=thread, by=request.user)
    then = f"{thread.get_absolute_url()}#moderator-notes"
    return _moderator_action(request, NoteForm, act, then=then, thread=thread)


@login_required
def thread_moderate(request, thread_id):
    """Move, rename, lock, pin and (for questions) set the status, on one page."""
    thread = visible_thread_or_404(request.user, thread_id)
    access.check_moderate(request.user, thread)
    action = request.POST.get("action") if request.method == "POST" else None
    topics = access.topics_moderated_by(request.user).filter(
        room_id__in=access.grants(request.user).visible_room_ids
    )
    move_form = MoveForm(
        request.POST if action == "move" else None,
        topics=topics,
        initial={"to_topic": thread.topic},
    )
    rename_form = RenameForm(
        request.POST if action == "rename" else None, initial={"title": thread.title}
    )
    status_form = QuestionStatusForm(
        request.POST if action == "status" else None, initial={"status": thread.status}
    )
    done = None
    access_change = None
    if action == "move" and move_form.is_valid():
        try:
            services.thread_move(
                thread=thread,
                to_topic=move_form.cleaned_data["to_topic"],
                by=request.user,
                reason=move_form.cleaned_data["reason"],
                confirm_access_change=request.POST.get("confirm_access_change") == "1",
            )
        except services.AccessChangeNotConfirmed as unconfirmed:
            # Show who gains and who loses access, and ask again (HTTP 409: not yet done).
            access_change = unconfirmed.change
        else:
            done = _("Tråden er flyttet.")
    elif action == "rename" and rename_form.is_valid():
        services.thread_rename(
            thread=thread, by=request.user, title=rename_form.cleaned_data["title"]
        )
        done = _("Tittelen er endret.")
    elif action == "status" and status_form.is_valid():
        try:
            services.question_set_status(thread=thread, by=request.user, **status_form.cleaned_data)
        except services.ModerationError as error:
            messages.error(request, str(error))
            return redirect(thread)
        done = _("Statusen er endret.")
    elif action in ("lock", "unlock", "pin", "unpin"):
        services.thread_set_flags(
            thread=thread,
            by=request.user,
            locked={"lock": True, "unlock": False}.get(action),
            pinned={"pin": True, "unpin": False}.get(action),
        )
        done = {
            "lock": _("Tråden er låst."),
            "unlock": _("Tråden er åpnet for svar."),
            "pin": _("Tråden er festet øverst i temaet."),
            "unpin": _("Tråden er ikke lenger festet."),
        }[action]
    if done:
        messages.success(request, done)
        return redirect(thread)
    log = thread.moderation_log.select_related("actor__org_unit", "post")[:50]
    return render(
        request,
        "forum/thread_moderate.html",
        {
            "thread": thread,
            "topic": thread.topic,
            "room": thread.topic.room,
            "move_form": move_form,
            "rename_form": rename_form,
            "status_form": status_form,
            "log": log,
            "access_change": access_change,
        },
        status=409 if access_change else 400 if action else 200,
    )


@login_required
def topic_clarifications(request, room_slug, topic_slug):
    topic = visible_topic_or_404(request.user, room_slug, topic_slug)
    clarifications = (
        Clarification.objects.filter(thread__topic=topic)
        .select_related("author__org_unit", "thread", "replaces", "replaced_by")
        .order_by("-valid_from", "-id")
    )
    return render(
        request,
        "forum/topic_clarifications.html",
        {"topic": topic, "room": topic.room, "clarifications": clarifications},
    )


# Pages for everyone and for moderators --------------------------------------------------


@login_required
def removals(request):
    """How rarely posts are removed: date, topic and reason, never the content."""
    page_obj, page_range = paginate(
        request, services.removals_visible_to(request.user), settings.THREADS_PER_PAGE
    )
    return render(request, "forum/removals.html", {"page_obj": page_obj, "page_range": page_range})


def _require_moderator(user):
    if not access.is_moderator(user) and not access.is_administrator(user):
        raise access.AccessDenied(_("Denne siden er for moderatorer."))


@login_required
def queue(request):
    """The moderator's queue: unanswered questions oldest first, open flags, escalations."""
    _require_moderator(request.user)
    unanswered = list(guidance.questions_unanswered_for(request.user)[:100])
    unverified = list(guidance.questions_unverified_for(request.user)[:50])
    for thread in unanswered:
        thread.overdue = guidance.is_overdue(thread)
    return render(
        request,
        "forum/queue.html",
        {
            "unanswered": unanswered,
            "unverified": unverified,
            "flag_count": flag_services.flags_open_for(request.user).count(),
        },
    )


@login_required
def flag_queue(request):
    _require_moderator(request.user)
    flags = flag_services.flags_open_for(request.user)
    page_obj, page_range = paginate(request, flags, settings.THREADS_PER_PAGE)
    return render(
        request, "forum/flag_queue.html", {"page_obj": page_obj, "page_range": page_range}
    )


@login_required
def flag_handle(request, flag_id):
    flag = get_object_or_404(flag_services.flags_open_for(request.user), pk=flag_id)
    access.check_handle_post(request.user, flag.post)
    return _moderator_action(
        request,
        FlagHandleForm,
        partial(flag_services.flag_handle, flag=flag, by=request.user),
        then="forum:flag_queue",
        post=flag.post,
        intro=_("Rapportert av %(name)s: «%(reason)s»")
        % {"name": flag.reporter.get_full_name(), "reason": flag.reason},
    )


@login_required
def moderation_log(request):
    _require_moderator(request.user)
    page_obj, page_range = paginate(
        request, services.moderation_log_for(request.user), settings.THREADS_PER_PAGE
    )
    return render(
        request, "forum/moderation_log.html", {"page_obj": page_obj, "page_range": page_range}
    )


# Escalations ----------------------------------------------------------------------------


@login_required
def escalation_new(request, thread_id):
    thread = visible_thread_or_404(request.user, thread_id)
    access.check_moderate(request.user, thread)
    act = partial(escalation_services.escalation_create, thread=thread, by=request.user)
    return _moderator_action(request, EscalationForm, act, then="forum:escalations", thread=thread)


@login_required
def escalations(request):
    rows = (
        access.escalations_visible_to(request.user)
        .select_related(
            "thread__topic__room", "raised_by__org_unit", "to_unit", "to_person__org_unit", "owner"
        )
        .order_by("state", "-created_at")
    )
    page_obj, page_range = paginate(request, rows, settings.THREADS_PER_PAGE)
    return render(
        request, "forum/escalations.html", {"page_obj": page_obj, "page_range": page_range}
    )


@login_required
def escalation_detail(request, escalation_id):
    escalation = get_object_or_404(
        access.escalations_visible_to(request.user).select_related(
            "thread__topic__room", "raised_by__org_unit", "to_unit", "to_person__org_unit"
        ),
        pk=escalation_id,
    )
    may_answer = access.can_answer_escalation(request.user, escalation)
    form = None
    if may_answer and escalation.state != escalation.State.ANSWERED:
        form = EscalationAnswerForm(
            request.POST if request.method == "POST" and "body" in request.POST else None
        )
    if request.method == "POST":
        if not may_answer:
            raise access.AccessDenied(_("Bare mottakeren kan svare på en løftet sak."))
        if request.POST.get("action") == "acknowledge":
            escalation_services.escalation_acknowledge(escalation=escalation, by=request.user)
            messages.success(request, _("Du er registrert som ansvarlig for saken."))
            return redirect("forum:escalation", escalation.pk)
        if form is not None and form.is_valid():
            post = escalation_services.escalation_answer(
                escalation=escalation, by=request.user, body=form.cleaned_data["body"]
            )
            if post is None:
                messages.success(
                    request,
                    _(
                        "Tråden er låst, så svaret er lagret på saken. Moderatoren som løftet "
                        "saken er varslet og kan ta det inn i tråden."
                    ),
                )
                return redirect("forum:escalation", escalation.pk)
            messages.success(request, _("Svaret er publisert i tråden."))
            return redirect(post_url(post))
    return render(
        request,
        "forum/escalation.html",
        {"escalation": escalation, "form": form, "may_answer": may_answer},
        status=400 if form is not None and form.is_bound else 200,
    )


def nav_counts(user) -> dict:
    """Numbers for the moderator's menu: a fixed, small number of queries."""
    if not (access.is_moderator(user) or access.is_administrator(user)):
        return {}
    counts = menu_counts(user)  # with the unread count, one statement for the menu
    return {"queue_count": counts["questions"] + flag_services.flags_open_count(user)}
