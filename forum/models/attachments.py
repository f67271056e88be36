"""Files attached to posts, kept in the private storage and served only through a checked view."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .structure import Post


class Attachment(models.Model):
    """One file on a post. The stored name is random; the original name is for display only.

    The file lives in ``storages["private"]`` (outside ``MEDIA_URL``) under
    ``stored_name``; it is looked up through the storage at read time so the
    storage can be configured per environment (and per test).
    """

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    stored_name = models.CharField(max_length=255, unique=True, editable=False)
    original_name = models.CharField(_("filnavn"), max_length=255)
    content_type = models.CharField(_("filtype"), max_length=100)
    kind = models.CharField(max_length=10)  # the detected type: "pdf", "docx", "png", ...
    size = models.PositiveBigIntegerField(_("størrelse"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vedlegg")
        verbose_name_plural = _("vedlegg")
        ordering = ["id"]

    def __str__(self):
        return self.original_name

    @property
    def is_image(self):
        return self.kind in {"png", "jpeg", "gif", "webp"}

    def get_absolute_url(self):
        return reverse("forum:attachment", kwargs={"attachment_id": self.pk})
