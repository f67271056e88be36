from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("Forum")

    def ready(self):
        from fagrom.storage import storage_references_register

        from .models import Attachment

        storage_references_register(
            prefix="attachments/",
            storage_alias="private",
            names=lambda: Attachment.objects.values_list("stored_name", flat=True).iterator(),
        )
