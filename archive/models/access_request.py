"""Access requests (innsynskrav) from the public journal.

Anyone may ask to see journal entries (offentleglova § 28). The request waits
in the records officers' queue with a due date in working days
(``ACCESS_REQUEST_DUE_WORKING_DAYS``; the law says "without undue delay",
the Parliamentary Ombud reads that as about three working days) and ends with
a reply (the documents, or parts of them) or a refusal with its legal basis.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AccessRequestQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(
            status__in=[AccessRequest.Status.RECEIVED, AccessRequest.Status.IN_PROGRESS]
        )


class AccessRequest(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", _("Mottatt")
        IN_PROGRESS = "in_progress", _("Under behandling")
        GRANTED = "granted", _("Innsyn gitt")
        PARTLY = "partly", _("Delvis innsyn")
        REFUSED = "refused", _("Avslått")

    DECIDED = (Status.GRANTED, Status.PARTLY, Status.REFUSED)

    name = models.CharField(_("navn"), max_length=200)
    email = models.EmailField(_("e-post"))
    message = models.TextField(_("melding"), blank=True)
    entries = models.ManyToManyField(
        "archive.JournalEntry", verbose_name=_("journalposter"), related_name="access_requests"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED
    )
    received_at = models.DateTimeField(_("mottatt"), default=timezone.now, editable=False)
    due_date = models.DateField(_("svarfrist"))
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    handled_by_name = models.CharField(_("behandlet av"), max_length=200, blank=True)
    reply = models.TextField(_("svar"), blank=True)
    refusal_basis = models.CharField(_("hjemmel for avslag"), max_length=200, blank=True)
    decided_at = models.DateTimeField(_("besvart"), null=True, blank=True)

    objects = AccessRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("innsynskrav")
        verbose_name_plural = _("innsynskrav")
        ordering = ["due_date", "received_at", "id"]

    def __str__(self):
        return _("Innsynskrav %(id)s fra %(name)s") % {"id": self.pk, "name": self.name}

    @property
    def is_open(self) -> bool:
        return self.status not in self.DECIDED

    def is_overdue(self, today=None) -> bool:
        return self.is_open and (today or timezone.localdate()) > self.due_date
