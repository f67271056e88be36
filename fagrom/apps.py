from django.apps import AppConfig


class FagromConfig(AppConfig):
    name = "fagrom"
    verbose_name = "Fagrom"

    def ready(self):
        from . import checks  # noqa: F401 (registers the start-up checks)
