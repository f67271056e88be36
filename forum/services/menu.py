"""The menu's numbers, on every page: unread notifications and, for moderators, their queue.

Counted in one statement (each count a scalar subquery of a one-row select), memoised on
the user object for the request, and handed to each count's own memo so the front page's
panels and the thread page's mark-read use the same numbers. Across requests the counts
are kept in the shared cache under the current generations and the person's grants
version (``fagrom.generations``): any write, or the person's own reading, makes them stale.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import F, Func, Subquery

import access
from fagrom import generations

from ..models import Thread

_MEMO = "_fagrom_menu_counts"


def _count(queryset) -> Subquery:
    # COUNT through Func, not Count(): no GROUP BY, so one row whatever the filters join.
    return Subquery(queryset.order_by().annotate(n=Func(F("id"), function="COUNT")).values("n"))


def open_questions_for(user):
    """Open questions in the topics the person moderates."""
    return Thread.objects.questions().filter(
        status=Thread.Status.OPEN, topic__in=access.topics_moderated_by(user)
    )


def menu_key(user) -> str:
    return f"menu:{user.pk}"


def menu_counts(user) -> dict:
    """``{"unread": n}``, plus ``"questions"`` and ``"flags"`` for moderators and administrators."""
    memo = getattr(user, _MEMO, None)
    if memo is not None:
        return memo
    memo = generations.cached(
        menu_key(user),
        user=user,
        make=lambda: _menu_counts_read(user),
        extra=(access.grants_version(user),),
    )
    setattr(user, _MEMO, memo)
    return memo


def _menu_counts_read(user) -> dict:
    parts = {"unread": _count(access.notifications_visible_to(user).filter(read_at__isnull=True))}
    if access.is_moderator(user) or access.is_administrator(user):
        parts["questions"] = _count(open_questions_for(user))
        parts["flags"] = _count(access.flags_open_for(user))
    return get_user_model().objects.filter(pk=user.pk).annotate(**parts).values(*parts).get()
