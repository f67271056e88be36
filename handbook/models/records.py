"""What the quality system keeps: published versions, read confirmations, review reminders."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PageVersion(models.Model):
    """One published version of a controlled page: the change log's row.

    The content itself is the Wagtail revision it was published from, so any
    earlier version can be opened and compared.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="handbook_versions"
    )
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.PROTECT, related_name="+")
    major = models.PositiveIntegerField(_("hovedversjon"))
    minor = models.PositiveIntegerField(_("underversjon"))
    is_major = models.BooleanField(_("ny hovedversjon"), default=False)
    title = models.CharField(_("tittel"), max_length=255)
    summary = models.TextField(_("hva er endret"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skrevet av"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("godkjent av"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approval_comment = models.TextField(_("godkjenners kommentar"), blank=True)
    # "Publiser" in the editor, outside the workflow (administrators only): no approval.
    published_directly_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("publisert direkte av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Put in place by ``page_publish`` (demo data, tests, a site's first set-up): nobody
    # approved it, and the change log says so rather than name the caller as approver.
    seeded = models.BooleanField(_("lagt inn ved oppsett, ikke godkjent"), default=False)
    published_at = models.DateTimeField(_("publisert"), default=timezone.now, db_index=True)
    effective_date = models.DateField(_("gjelder fra"))

    class Meta:
        verbose_name = _("versjon")
        verbose_name_plural = _("versjoner")
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "major", "minor"], name="handbook_version_unique_number"
            )
        ]

    def __str__(self):
        return f"{self.title} {self.label}"

    @property
    def label(self) -> str:
        return f"{self.major}.{self.minor}"


class ReadConfirmation(models.Model):
    """«Lest og forstått»: a reader confirms one version of a required page.

    A confirmation holds for the minor versions after it; a new major version
    asks again (the confirmation stays, for the record).
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="handbook_confirmations"
    )
    version = models.ForeignKey(PageVersion, on_delete=models.PROTECT, related_name="confirmations")
    major = models.PositiveIntegerField()
    minor = models.PositiveIntegerField()
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("lest og forstått")
        verbose_name_plural = _("lest og forstått")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "user", "major", "minor"], name="handbook_confirmation_once"
            )
        ]
        indexes = [models.Index(fields=["page", "major"], name="handbook_confirm_page_major")]

    @property
    def label(self) -> str:
        return f"{self.major}.{self.minor}"


class ReviewReminder(models.Model):
    """An e-mail sent to a page's owner about its review date: each kind once per due date."""

    class Kind(models.TextChoices):
        BEFORE = "before", _("Før fristen")
        OVERDUE = "overdue", _("Etter fristen")

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    due_date = models.DateField()
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "kind", "due_date"], name="handbook_review_reminder_once"
            )
        ]
