from django.apps import AppConfig


class FagromConfig(AppConfig):
    name = "fagrom"
    verbose_name = "Fagrom"

    def ready(self):
        from django.db.backends.signals import connection_created

        from .outage import database_connected

        connection_created.connect(database_connected, dispatch_uid="fagrom-outage-recovered")
        from . import checks  # noqa: F401 (registers the start-up checks)
