from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = _("Arkiv")

    def ready(self):
        from fagrom.storage import storage_references_register

        from .models import ArchivalDocument

        storage_references_register(
            prefix="archive/",
            storage_alias="private",
            names=lambda: ArchivalDocument.objects.values_list("file_name", flat=True).iterator(),
        )
