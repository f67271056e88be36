from django.core.management.base import BaseCommand

from handbook.services import handbook_setup


class Command(BaseCommand):
    help = "Create the handbook at /handbook/ with its workflow and permissions (idempotent)."

    def handle(self, *args, **options):
        root = handbook_setup()
        self.stdout.write(self.style.SUCCESS(f"handbook ready at {root.url}"))
