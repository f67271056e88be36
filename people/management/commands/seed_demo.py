import io

from django.core.management.base import BaseCommand
from django.db import transaction

import demo.archive
import demo.forum
import demo.handbook
import demo.moderation
import demo.people
import demo.rooms
import demo.search
from forum.services.counters import threads_recount, topics_recount


def _recount(*, stdout=None):
    threads_recount()
    topics_recount()


class Command(BaseCommand):
    help = "Load the demo organisation, people and content (idempotent). Demo passwords are 'demo'."

    def handle(self, *args, **options):
        # Order matters: each domain builds on the people and rooms before it.
        steps = [
            ("people", demo.people.seed),
            ("forum", demo.forum.seed),
            ("rooms", demo.rooms.seed),
            ("handbook", demo.handbook.seed),
            ("archive", demo.archive.seed),
            ("moderation", demo.moderation.seed),
            (
                "counters",
                _recount,
            ),  # later steps add posts; one set-based repair keeps counters exact
            ("search", demo.search.seed),  # last: indexes what the steps above created
        ]
        # One line per step; the steps' own details with -v 2 (make run stays short).
        verbosity = options["verbosity"]
        details = self.stdout if verbosity >= 2 else io.StringIO()
        for name, seed in steps:
            with transaction.atomic():
                seed(stdout=details)
            if verbosity >= 1:
                self.stdout.write(self.style.SUCCESS(f"demo: {name} ready"))
