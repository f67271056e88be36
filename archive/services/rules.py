"""What nomination and retention rules share: each covers one room or one topic, and
every change of one (made, switched off) leaves a ``RULE_CHANGED`` row in the audit log."""

from __future__ import annotations

from typing import NamedTuple

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import access
from fagrom.i18n import site_text

from ..models import ArchiveEvent, NominationRule, RetentionRule
from .audit import event_log
from .errors import ArchiveError


class _Logged(NamedTuple):
    key: str  # the rule's id goes into the audit row's details under this key
    made: str  # msgids with %(rule)s, written in the site's language
    switched_off: str


_LOGGED = {
    NominationRule: _Logged(
        "nomination_rule",
        gettext_noop("Ny regel for journalføringsforslag: %(rule)s"),
        gettext_noop("Regel for journalføringsforslag slått av: %(rule)s"),
    ),
    RetentionRule: _Logged(
        "retention_rule",
        gettext_noop("Ny bevaringsregel: %(rule)s"),
        gettext_noop("Bevaringsregel slått av: %(rule)s"),
    ),
}


def check_scope(*, room, topic) -> None:
    """A rule covers a room or a topic, never both and never neither."""
    if (room is None) == (topic is None):
        raise ArchiveError(_("Velg enten et rom eller et tema."))


def _log(rule, by, message: str):
    event_log(
        actor=by,
        action=ArchiveEvent.Action.RULE_CHANGED,
        summary=site_text(message, {"rule": rule}),
        details={_LOGGED[type(rule)].key: rule.pk},
    )
    return rule


def rule_made(*, rule, by):
    """The audit row for a rule just saved; the rule back."""
    return _log(rule, by, _LOGGED[type(rule)].made)


@transaction.atomic
def rule_deactivate(*, rule, by):
    """Switch a nomination or retention rule off (it stays, with its history); logged."""
    access.check_keep_records(by)
    type(rule).objects.filter(pk=rule.pk).update(is_active=False)
    rule.is_active = False
    return _log(rule, by, _LOGGED[type(rule)].switched_off)
