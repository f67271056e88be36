from django.apps import AppConfig


class FagromConfig(AppConfig):
    name = "fagrom"
    verbose_name = "Fagrom"

    def ready(self):
        from django.core.signals import got_request_exception
        from django.db.backends.signals import connection_created

        from . import admin_i18n, checks  # noqa: F401 (checks registers the start-up checks)
        from .generations import connect_signals
        from .outage import database_connected, request_failed

        connection_created.connect(database_connected, dispatch_uid="fagrom-outage-recovered")
        got_request_exception.connect(request_failed, dispatch_uid="fagrom-outage-request")
        admin_i18n.install()
        connect_signals()
