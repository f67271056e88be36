from django.apps import AppConfig


class FagromConfig(AppConfig):
    name = "fagrom"
    verbose_name = "Fagrom"

    def ready(self):
        from . import admin_i18n, checks  # noqa: F401 (checks registers the start-up checks)

        admin_i18n.install()
