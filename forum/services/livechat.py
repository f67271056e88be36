"""Nettprat: an administrator schedules a chat with a host; employees ask and vote before
and during it; the host answers live; afterwards the chat is kept as a read-only thread."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import access
from fagrom.i18n import site_text

from .. import markup
from ..models import LiveChat, LiveChatQuestion, LiveChatVote, Notification, Thread
from . import listening
from .counters import counted_toggle
from .posting import thread_start


class LiveChatError(ValueError):
    pass


def livechats_visible_to(user):
    return LiveChat.objects.filter(
        topic__room_id__in=access.grants(user).visible_room_ids
    ).select_related("topic__room", "host__org_unit", "thread")


@transaction.atomic
def livechat_schedule(*, by, topic, title: str, host, starts_at, description: str = "") -> LiveChat:
    if not access.can_schedule_livechat(by):
        raise access.AccessDenied(_("Bare administratorer kan planlegge nettprat."))
    access.check_view(by, topic)
    if not access.can_view(host, topic):
        raise LiveChatError(_("Verten har ikke tilgang til temaet."))
    return LiveChat.objects.create(
        topic=topic,
        title=title.strip(),
        description=description.strip(),
        host=host,
        starts_at=starts_at,
        created_by=by,
    )


def _check_host(user, chat: LiveChat) -> None:
    access.check_view(user, chat.topic)
    if not access.can_host_livechat(user, chat):
        raise access.AccessDenied(_("Bare verten eller en administrator kan gjøre dette."))


@transaction.atomic
def livechat_start(*, chat: LiveChat, by) -> LiveChat:
    _check_host(by, chat)
    if chat.state == LiveChat.State.SCHEDULED:
        chat.state = LiveChat.State.LIVE
        chat.save(update_fields=["state"])
    return chat


@transaction.atomic
def question_ask(*, chat: LiveChat, by, body: str) -> LiveChatQuestion:
    access.check_view(by, chat.topic)
    if not access.can_ask_livechat(by, chat):
        raise access.AccessDenied(access.write_blocked_reason(by) or _("Nettpraten er avsluttet."))
    return LiveChatQuestion.objects.create(chat=chat, author=by, body=body.strip())


@transaction.atomic
def question_vote_toggle(*, question: LiveChatQuestion, by) -> bool:
    chat = question.chat
    access.check_view(by, chat.topic)
    if not access.can_ask_livechat(by, chat):
        raise access.AccessDenied(_("Nettpraten er avsluttet."))
    return counted_toggle(
        LiveChatVote,
        counter=LiveChatQuestion.objects.filter(pk=question.pk),
        field="vote_count",
        question=question,
        user=by,
    )


@transaction.atomic
def question_answer(*, question: LiveChatQuestion, by, answer: str) -> LiveChatQuestion:
    chat = question.chat
    _check_host(by, chat)
    if chat.state == LiveChat.State.ENDED:
        raise LiveChatError(_("Nettpraten er avsluttet."))
    question.answer = answer.strip()
    question.answer_html = markup.render(question.answer)
    question.answered_at = timezone.now()
    question.save(update_fields=["answer", "answer_html", "answered_at"])
    if chat.state == LiveChat.State.SCHEDULED:
        LiveChat.objects.filter(pk=chat.pk).update(state=LiveChat.State.LIVE)
    return question


@transaction.atomic
def question_reject(*, question: LiveChatQuestion, by, reason: str) -> LiveChatQuestion:
    """Take a question off the public list with a reason; the asker sees it and is told."""
    question = (
        LiveChatQuestion.objects.select_for_update().select_related("chat").get(pk=question.pk)
    )
    chat = question.chat
    access.check_view(by, chat.topic)
    if not access.can_reject_livechat_question(by, chat):
        raise access.AccessDenied(
            _("Bare verten, temaets moderatorer eller en administrator kan avvise spørsmål.")
        )
    if chat.state == LiveChat.State.ENDED:
        raise LiveChatError(_("Nettpraten er avsluttet."))
    reason = reason.strip()
    if not reason:
        raise LiveChatError(_("Skriv en begrunnelse som spørreren får se."))
    if question.answered_at or question.rejected_at:
        return question
    question.rejected_at = timezone.now()
    question.rejected_by = by
    question.rejected_reason = reason
    question.save(update_fields=["rejected_at", "rejected_by", "rejected_reason"])
    listening.notify(
        users=[question.author],
        kind=Notification.Kind.LIVECHAT,
        actor=by,
        url=chat.get_absolute_url() + f"#q-{question.pk}",
        message=gettext_noop("Spørsmålet ditt i nettpraten «%(chat)s» ble avvist: %(reason)s"),
        params={"chat": chat.title, "reason": reason},
    )
    return question


def transcript(chat: LiveChat) -> str:
    """The chat as Markdown: answered questions with their answers, then the unanswered."""
    questions = list(
        chat.questions.select_related("author__org_unit").order_by("answered_at", "created_at")
    )
    parts = [chat.description, ""] if chat.description else []
    # The transcript becomes a thread everyone reads: written in the site's language.
    answer_from = site_text(gettext_noop("Svar fra %(name)s"), {"name": chat.host.get_full_name()})
    for q in questions:
        if q.answered_at:
            asked_by = site_text(
                gettext_noop("Spørsmål fra %(name)s"), {"name": q.author.display_name}
            )
            parts += [
                f"### {asked_by}",
                "",
                markup.quote(q.body, q.author.get_full_name()).strip(),
                "",
                f"**{answer_from}:** {q.answer}",
                "",
            ]
    unanswered = [q for q in questions if not q.answered_at and not q.rejected_at]
    if unanswered:
        parts += ["### " + site_text(gettext_noop("Ubesvarte spørsmål")), ""]
        parts += [f"* {q.body} ({q.author.display_name})" for q in unanswered]
    return "\n".join(parts).strip() or site_text(gettext_noop("Ingen spørsmål ble stilt."))


@transaction.atomic
def livechat_end(*, chat: LiveChat, by) -> Thread:
    """End the chat and keep it as a locked thread in its topic, written by the host."""
    chat = (
        LiveChat.objects.select_for_update().select_related("topic__room", "host").get(pk=chat.pk)
    )
    _check_host(by, chat)
    if chat.state == LiveChat.State.ENDED and chat.thread_id:
        return chat.thread
    body = transcript(chat)
    thread = thread_start(
        topic=chat.topic,
        author=chat.host,
        title=site_text(gettext_noop("Nettprat: %(title)s"), {"title": chat.title}),
        body=body[:20000],
    )
    Thread.objects.filter(pk=thread.pk).update(is_locked=True)
    chat.state = LiveChat.State.ENDED
    chat.thread = thread
    chat.save(update_fields=["state", "thread"])
    return thread
