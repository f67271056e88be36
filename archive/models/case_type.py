"""Case types (sakstyper): the kinds of case an agency handles, with their retention.

Records officers keep the list (``/arkiv/sakstyper/``). A type belongs under an
archive class (new cases of the type are filed there) and may carry its own line
of the retention schedule; a case of the type inherits it, unless the case has
an override of its own. A type without its own line leaves the class's in force.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .journal import DisposalDecision


class CaseType(models.Model):
    code = models.CharField(_("kode"), max_length=40, unique=True)
    title = models.CharField(_("sakstype"), max_length=200)
    archive_class = models.ForeignKey(
        "archive.ArchiveClass",
        verbose_name=_("arkivklasse"),
        on_delete=models.PROTECT,
        related_name="case_types",
    )
    # Blank: the archive class's line applies to cases of this type.
    disposal_decision = models.CharField(
        _("kassasjonsvedtak"), max_length=10, choices=DisposalDecision.choices, blank=True
    )
    retention_years = models.PositiveSmallIntegerField(
        _("bevaringstid (år etter avslutning)"), null=True, blank=True
    )
    disposal_basis = models.CharField(_("kassasjonshjemmel"), max_length=200, blank=True)
    # Four eyes on disposal: whoever set this line does not approve the list it makes due.
    retention_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    is_active = models.BooleanField(_("i bruk"), default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("sakstype")
        verbose_name_plural = _("sakstyper")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.title}"
