"""Which backend serves a request: chosen here, so no backend imports its siblings."""

from __future__ import annotations

from django.conf import settings
from django.db import connection

from .base import SearchBackend
from .database import DatabaseBackend


def backend_names() -> tuple[str, ...]:
    return ("database", "elasticsearch")


def default_backend_name() -> str:
    return "elasticsearch" if settings.ELASTICSEARCH_URL else "database"


def database_backend() -> DatabaseBackend:
    if connection.vendor == "postgresql":
        from .postgres import PostgresBackend

        return PostgresBackend()
    if connection.vendor == "sqlite":
        from .sqlite import SQLiteBackend

        return SQLiteBackend()
    raise NotImplementedError(f"No database search for {connection.vendor}")


def get_backend(name: str | None = None) -> SearchBackend:
    name = {"db": "database", "es": "elasticsearch"}.get(name or "", name) or (
        default_backend_name()
    )
    if name == "database":
        return database_backend()
    if name == "elasticsearch":
        from .elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend(settings.ELASTICSEARCH_URL)
    raise ValueError(f"Unknown search backend {name!r}")
