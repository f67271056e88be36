"""Search backends: the database (default) and Elasticsearch (when ELASTICSEARCH_URL is set).

Every backend answers the same interface with the same shapes
(``search.documents``). Permission filtering happens *inside* each backend's
query, by principals, so totals, facets and suggestions only ever count what
the person may see.
"""

from .base import BATCH_SIZE, MAX_BODY_CHARS, SearchBackend, batched
from .factory import backend_names, database_backend, default_backend_name, get_backend

__all__ = [
    "BATCH_SIZE",
    "MAX_BODY_CHARS",
    "SearchBackend",
    "backend_names",
    "batched",
    "database_backend",
    "default_backend_name",
    "get_backend",
]
