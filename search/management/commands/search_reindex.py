"""Rebuild the search index from every provider.

    python manage.py search_reindex                      # the configured backend
    python manage.py search_reindex --backend db         # the database's own index
    python manage.py search_reindex --backend elasticsearch
    python manage.py search_reindex --resume             # continue an interrupted run

Searches keep working meanwhile: the database backend replaces documents in committed
batches (so ``--resume`` continues after the last one) and removes what no provider
yields any more at the end; Elasticsearch builds a new index and moves the alias when
it is complete.
"""

import time
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search.backends import get_backend
from search.services import index_rebuild, index_size


@contextmanager
def query_log_off():
    """No debug query log while indexing: with DEBUG on, Django keeps every bulk INSERT
    with its parameters formatted in (on SQLite with an extra query per batch), which
    for a million posts costs more time and memory than the indexing itself."""
    previous = settings.DEBUG
    settings.DEBUG = False
    try:
        yield
    finally:
        settings.DEBUG = previous


class Command(BaseCommand):
    help = "Rebuild the search index from handbook, forum and archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--backend",
            choices=["db", "database", "elasticsearch", "es"],
            help="Default: Elasticsearch when ELASTICSEARCH_URL is set, else the database.",
        )
        parser.add_argument(
            "--resume",
            action="store_true",
            help="Continue an interrupted rebuild after its last committed batch (database).",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, **options):
        backend = get_backend(options["backend"])
        started = time.monotonic()
        with (
            tqdm(
                total=index_size(),
                unit="dok",
                desc=f"Indekserer ({backend.name})",
                disable=options["no_progress"],
                file=self.stderr,
            ) as bar,
            query_log_off(),
        ):
            try:
                written = index_rebuild(
                    backend=backend, progress=bar.update, resume=options["resume"]
                )
            except KeyboardInterrupt:
                # Every finished batch is committed; say how to go on, not a traceback.
                raise CommandError(
                    "Avbrutt. Ferdige partier er lagret; fortsett med "
                    "«manage.py search_reindex --resume»."
                ) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"{written} dokumenter indeksert i {backend.name} på "
                f"{time.monotonic() - started:.1f} s."
            )
        )
