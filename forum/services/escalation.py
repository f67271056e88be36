"""Escalation (løfte saken): a moderator lifts a thread to a unit or a person."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import access

from .. import markup
from ..models import Escalation, ModerationAction, ModerationLogEntry, Notification
from . import listening
from .posting import post_reply


@transaction.atomic
def escalation_create(*, thread, by, note: str, to_unit=None, to_person=None) -> Escalation:
    access.check_moderate(by, thread)
    escalation = Escalation.objects.create(
        thread=thread,
        raised_by=by,
        to_unit=to_unit,
        to_person=to_person,
        owner=to_person,
        note=note.strip(),
    )
    ModerationLogEntry.objects.create(
        actor=by,
        action=ModerationAction.ESCALATE,
        topic=thread.topic,
        thread=thread,
        reason=note.strip(),
        details={
            "escalation": escalation.pk,
            "to_unit": to_unit.name if to_unit else None,
            "to_person": to_person.get_full_name() if to_person else None,
        },
    )
    listening.notify(
        users=[to_person] if to_person else [],
        kind=Notification.Kind.ESCALATION,
        actor=by,
        thread=thread,
        url=escalation_url(escalation),
        message=gettext_noop("%(name)s har løftet «%(thread)s» til deg"),
        params={"name": by.get_full_name(), "thread": thread.title},
    )
    return escalation


def escalation_url(escalation) -> str:
    from django.urls import reverse

    return reverse("forum:escalation", kwargs={"escalation_id": escalation.pk})


@transaction.atomic
def escalation_acknowledge(*, escalation: Escalation, by) -> Escalation:
    if not access.can_answer_escalation(by, escalation):
        raise access.AccessDenied(_("Bare mottakeren kan ta ansvar for saken."))
    escalation.state = Escalation.State.ACKNOWLEDGED
    escalation.owner = by
    escalation.acknowledged_at = timezone.now()
    escalation.save(update_fields=["state", "owner", "acknowledged_at"])
    listening.notify(
        users=[escalation.raised_by],
        kind=Notification.Kind.ESCALATION,
        actor=by,
        thread=escalation.thread,
        url=escalation_url(escalation),
        message=gettext_noop("%(name)s har tatt ansvar for «%(thread)s»"),
        params={"name": by.get_full_name(), "thread": escalation.thread.title},
    )
    return escalation


@transaction.atomic
def escalation_answer(*, escalation: Escalation, by, body: str):
    """Answer an escalation: published in the thread as the answerer's reply where they
    may write there, otherwise stored on the escalation.

    A locked thread (or a closed room where the answerer may read but not write) must not
    lose the answer: it stays on the escalation, which shows it, and the moderator who
    raised it is told, so they can bring it into the thread. Returns the reply, or None.
    """
    if not access.can_answer_escalation(by, escalation):
        raise access.AccessDenied(_("Bare mottakeren kan svare på en løftet sak."))
    escalation = (
        Escalation.objects.select_for_update().select_related("thread").get(pk=escalation.pk)
    )
    thread = escalation.thread
    post = post_reply(thread=thread, author=by, body=body) if access.can_post(by, thread) else None
    escalation.state = Escalation.State.ANSWERED
    escalation.owner = escalation.owner or by
    escalation.answered_at = timezone.now()
    escalation.answered_by = by
    if post is None:  # kept here only when not in the thread (a removal there must hold)
        escalation.answer_body = body
        escalation.answer_html = markup.render(body)
    escalation.answer_post = post
    escalation.save(
        update_fields=[
            "state",
            "owner",
            "answered_at",
            "answered_by",
            "answer_body",
            "answer_html",
            "answer_post",
        ]
    )
    ModerationLogEntry.objects.create(
        actor=by,
        action=ModerationAction.ESCALATE,
        topic=thread.topic,
        thread=thread,
        post=post,
        reason=gettext_noop("Løftet sak besvart"),
        details={"escalation": escalation.pk, "answered": True, "in_thread": post is not None},
    )
    listening.notify(
        users=[escalation.raised_by],
        kind=Notification.Kind.ESCALATION,
        actor=by,
        thread=thread,
        url=escalation_url(escalation),
        message=gettext_noop("%(name)s har svart på den løftede saken «%(thread)s»")
        if post
        else gettext_noop(
            "%(name)s har svart på den løftede saken «%(thread)s». Tråden er låst: "
            "svaret står på saken"
        ),
        params={"name": by.get_full_name(), "thread": thread.title},
    )
    return post
