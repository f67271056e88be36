"""Case types (sakstyper): the kinds of case an agency handles, with their retention.

Records officers keep the list (``/arkiv/sakstyper/``). A type belongs under an
archive class (new cases of the type are filed there) and may carry its own line
of the retention schedule; a case of the type inherits it, unless the case has
an override of its own. A type without its own line leaves the class's in force.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .journal import RetentionOverride


class CaseType(RetentionOverride):
    """Blank retention fields: the archive class's line applies to cases of this type."""

    code = models.CharField(_("kode"), max_length=40, unique=True)
    title = models.CharField(_("sakstype"), max_length=200)
    archive_class = models.ForeignKey(
        "archive.ArchiveClass",
        verbose_name=_("arkivklasse"),
        on_delete=models.PROTECT,
        related_name="case_types",
    )
    is_active = models.BooleanField(_("i bruk"), default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("sakstype")
        verbose_name_plural = _("sakstyper")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.title}"
