"""``manage.py check`` says when PostgreSQL search runs without the compound dictionary."""

from django.core import checks
from django.db import connection
from django.db.utils import DatabaseError


@checks.register(checks.Tags.database)
def compound_dictionary(app_configs=None, databases=None, **kwargs):
    if not databases or "default" not in databases or connection.vendor != "postgresql":
        return []
    from .backends.postgres import has_dictionary

    try:
        with connection.cursor() as cursor:
            installed = has_dictionary(cursor)
    except DatabaseError:
        return []  # not migrated yet: migrate reports that
    if installed:
        return []
    return [
        checks.Warning(
            "PostgreSQL search runs without the Norwegian hunspell dictionary: compound "
            "words are matched by a slow substring scan.",
            hint="Install hunspell-no and run pg_updatedicts on the database server, then "
            "`manage.py search_reindex`.",
            id="search.W001",
        )
    ]
