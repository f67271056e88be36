from django.core.management.base import BaseCommand

from forum.services import guidance


class Command(BaseCommand):
    help = (
        "Recompute question statuses and rule references for posts written outside the "
        "services (imports, bulk data). Safe to run any time."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{guidance.questions_status_recount()} question statuses updated")
        self.stdout.write(f"{guidance.citations_rebuild()} posts re-parsed for rule references")
