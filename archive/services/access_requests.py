"""Access requests (innsynskrav): received from anyone, answered by records officers.

The due date counts working days (Monday–Friday without Norwegian public
holidays) from the day the request arrives. A reply grants access (the
documents go by e-mail, checked against their SHA-256 first), grants part of
it (documents of screened entries are held back) or refuses with a legal
basis. Every step is in the archive's audit log.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core import mail
from django.db import transaction
from django.db.models import Count
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import access
from fagrom.i18n import site_text

from ..models import AccessRequest, ArchiveEvent
from .audit import actor_name, event_log
from .documents import document_open
from .errors import ArchiveError


def _easter(year: int) -> date:
    # Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def public_holidays(year: int) -> set[date]:
    """Norway's public holidays (helligdager and 1 and 17 May)."""
    easter = _easter(year)
    movable = {easter + timedelta(days=n) for n in (-3, -2, 0, 1, 39, 49, 50)}
    fixed = {date(year, 1, 1), date(year, 5, 1), date(year, 5, 17)}
    return movable | fixed | {date(year, 12, 25), date(year, 12, 26)}


def working_days_after(start: date, days: int) -> date:
    """``start`` plus ``days`` working days."""
    result, added = start, 0
    holidays = public_holidays(start.year) | public_holidays(start.year + 1)
    while added < days:
        result += timedelta(days=1)
        if result.weekday() < 5 and result not in holidays:
            added += 1
    return result


@transaction.atomic
def access_request_create(*, name: str, email: str, entries, message: str = "") -> AccessRequest:
    """Register an innsynskrav for ``entries`` (anyone may send one, signed in or not)."""
    name, email = name.strip(), email.strip()
    entries = list(entries)
    if not name or not email:
        raise ArchiveError(_("Oppgi navn og e-postadresse."))
    if not entries:
        raise ArchiveError(_("Velg minst én journalpost."))
    now = timezone.now()
    request = AccessRequest.objects.create(
        name=name,
        email=email,
        message=message.strip(),
        received_at=now,
        due_date=working_days_after(
            timezone.localdate(now), settings.ACCESS_REQUEST_DUE_WORKING_DAYS
        ),
    )
    request.entries.set(entries)
    event_log(
        actor=None,
        action=ArchiveEvent.Action.ACCESS_REQUESTED,
        summary=site_text(
            gettext_noop("Innsynskrav %(id)s mottatt for %(entries)s"),
            {"id": request.pk, "entries": ", ".join(e.registry_id for e in entries)[:200]},
        ),
        details={"access_request": request.pk, "entries": [e.pk for e in entries]},
        at=now,
    )
    return request


def _reply_mail(request: AccessRequest, attachments) -> mail.EmailMessage:
    with translation.override(settings.LANGUAGE_CODE):
        status = request.get_status_display()
        subject = _("Svar på innsynskrav %(id)s: %(status)s") % {"id": request.pk, "status": status}
        lines = [request.reply]
        if request.refusal_basis:
            lines.append(_("Hjemmel: %(basis)s") % {"basis": request.refusal_basis})
        if request.status in (AccessRequest.Status.PARTLY, AccessRequest.Status.REFUSED):
            lines.append(
                _(
                    "Du kan klage på avslaget innen tre uker (offentleglova § 32). "
                    "Svar på denne e-posten for å klage."
                )
            )
    message = mail.EmailMessage(
        subject=subject, body="\n\n".join(filter(None, lines)), to=[request.email]
    )
    for filename, content in attachments:
        message.attach(filename, content, "application/pdf")
    return message


@transaction.atomic
def access_request_decide(
    *, request: AccessRequest, by, status: str, reply: str = "", refusal_basis: str = ""
) -> AccessRequest:
    """Move the request on: under way, or answered (granted, partly, refused)."""
    access.check_keep_records(by)
    request = AccessRequest.objects.select_for_update().get(pk=request.pk)
    if not request.is_open:
        raise ArchiveError(_("Innsynskravet er allerede besvart."))
    reply, refusal_basis = reply.strip(), refusal_basis.strip()
    if status not in AccessRequest.Status.values or status == AccessRequest.Status.RECEIVED:
        raise ArchiveError(_("Velg en gyldig avgjørelse."))
    if status in (AccessRequest.Status.PARTLY, AccessRequest.Status.REFUSED) and not refusal_basis:
        raise ArchiveError(
            _("Et avslag, også et delvis avslag, må ha hjemmel, for eksempel «offl. § 13».")
        )
    old = request.status
    request.status = status
    request.handled_by = by
    request.handled_by_name = actor_name(by)
    attachments = []
    if status in AccessRequest.DECIDED:
        request.reply = reply
        request.refusal_basis = refusal_basis
        request.decided_at = timezone.now()
        if status != AccessRequest.Status.REFUSED:
            entries = request.entries.select_related("case").prefetch_related("documents")
            for entry in entries:
                if status == AccessRequest.Status.PARTLY and entry.is_screened:
                    continue  # what is withheld stays with us
                for document in entry.documents.all():
                    if document.disposed_at:
                        continue
                    with document_open(document=document, by=by) as handle:
                        name = (
                            f"{entry.registry_id.replace('/', '-')}-{document.document_number}.pdf"
                        )
                        attachments.append((name, handle.read()))
    request.save()
    event_log(
        actor=by,
        action=ArchiveEvent.Action.ACCESS_REQUEST_CHANGED,
        summary=site_text(
            gettext_noop("Innsynskrav %(id)s: %(old)s → %(new)s"),
            {"id": request.pk, "old": old, "new": status},
        ),
        details={
            "access_request": request.pk,
            "status": status,
            "refusal_basis": refusal_basis,
            "documents": [name for name, _content in attachments],
        },
    )
    if status in AccessRequest.DECIDED:
        message = _reply_mail(request, attachments)
        transaction.on_commit(lambda: message.send(fail_silently=False))
    return request


def access_request_counts() -> dict[str, int]:
    """How many requests there are per status, and how many are overdue (for the queue)."""
    counts = dict(
        AccessRequest.objects.values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    counts["overdue"] = (
        AccessRequest.objects.waiting().filter(due_date__lt=timezone.localdate()).count()
    )
    return counts
