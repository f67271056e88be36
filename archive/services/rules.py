"""What nomination and retention rules share: each covers one room or one topic, and
every change of one (made, switched off) leaves a ``RULE_CHANGED`` row in the audit log."""

from __future__ import annotations

from django.utils.translation import gettext as _

import access
from fagrom.i18n import site_text

from ..models import ArchiveEvent
from .audit import event_log
from .errors import ArchiveError


def check_scope(*, room, topic) -> None:
    """A rule covers a room or a topic, never both and never neither."""
    if (room is None) == (topic is None):
        raise ArchiveError(_("Velg enten et rom eller et tema."))


def rule_logged(*, rule, by, message: str, key: str):
    """The audit row for a change of ``rule``: ``message`` (a msgid with ``%(rule)s``)
    in the site's language, and the rule's id under ``key`` in the details."""
    event_log(
        actor=by,
        action=ArchiveEvent.Action.RULE_CHANGED,
        summary=site_text(message, {"rule": rule}),
        details={key: rule.pk},
    )
    return rule


def rule_deactivate(*, rule, by, message: str, key: str):
    """Switch ``rule`` off (it stays, with its history) and log it. Run it atomically."""
    access.check_keep_records(by)
    type(rule).objects.filter(pk=rule.pk).update(is_active=False)
    rule.is_active = False
    return rule_logged(rule=rule, by=by, message=message, key=key)
