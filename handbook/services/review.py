"""Review dates: which pages are due, and reminding their owners by e-mail."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

import access
from fagrom.links import absolute_url

from ..models import ChapterPage, HandbookPage, ReviewReminder


def pages_due_for_review(*, user=None, today=None, within_days=None) -> list:
    """Chapters and pages past or near their review date, soonest first.

    Handbook editors see all of them; anyone else sees the pages they own; nobody sees
    pages whose privacy keeps them out. ``user=None`` (the reminder task): every page.
    """
    pages = []
    for model in (ChapterPage, HandbookPage):
        qs = model.objects.due_for_review(within_days=within_days, today=today).select_related(
            "document_owner__org_unit", "owner_unit"
        )
        if user is not None:
            qs = qs.filter(access.handbook_pages_q(user))
            if not access.is_handbook_editor(user):
                qs = qs.filter(document_owner=user)
        pages.extend(qs)
    return sorted(pages, key=lambda p: (p.next_review_date, p.title))


def review_reminders_send(*, today=None) -> int:
    """E-mail owners once before the review date and once after it has passed.

    Each (page, kind, due date) is sent once, so the daily task can run as often
    as it likes; a new review date after the next publish starts over.
    """
    today = today or timezone.localdate()
    sent = 0
    restrictions = access.handbook_restrictions()
    for page in pages_due_for_review(today=today):
        owner = page.document_owner
        if owner is None or not owner.email:
            continue
        if access.handbook_page_is_private(
            page, restrictions
        ) and not access.can_read_handbook_page(owner, page):
            continue  # an owner the page's privacy keeps out is not sent its title
        overdue = page.next_review_date < today
        kind = ReviewReminder.Kind.OVERDUE if overdue else ReviewReminder.Kind.BEFORE
        try:
            with transaction.atomic():
                ReviewReminder.objects.create(
                    page_id=page.pk, kind=kind, due_date=page.next_review_date, recipient=owner
                )
                context = {
                    "page": page,
                    "owner": owner,
                    "overdue": overdue,
                    "days": abs((page.next_review_date - today).days),
                    "url": page.full_url,
                    "review_url": absolute_url(reverse("handbook:review")),
                }
                with translation.override(owner.language or settings.LANGUAGE_CODE):
                    subject = (
                        gettext("Revisjon av «%(title)s» er forsinket") % {"title": page.title}
                        if overdue
                        else gettext("Revisjon av «%(title)s» innen %(date)s")
                        % {"title": page.title, "date": f"{page.next_review_date:%d.%m.%Y}"}
                    )
                    body = render_to_string("handbook/email/review_reminder.txt", context)
                send_mail(subject, body, None, [owner.email])
        except IntegrityError:
            continue  # already reminded about this date
        sent += 1
    return sent
