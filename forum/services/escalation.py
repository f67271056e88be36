"""Escalation (løfte saken): a moderator lifts a thread to a unit or a person."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import access

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
    """The answer comes back into the thread as a reply by the person who answered."""
    if not access.can_answer_escalation(by, escalation):
        raise access.AccessDenied(_("Bare mottakeren kan svare på en løftet sak."))
    post = post_reply(thread=escalation.thread, author=by, body=body)
    escalation.state = Escalation.State.ANSWERED
    escalation.owner = escalation.owner or by
    escalation.answered_at = timezone.now()
    escalation.answer_post = post
    escalation.save(update_fields=["state", "owner", "answered_at", "answer_post"])
    return post
