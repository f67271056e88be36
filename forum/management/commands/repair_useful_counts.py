from django.core.management.base import BaseCommand

from forum.services.reactions import useful_counts_repair


class Command(BaseCommand):
    help = 'Recompute every post\'s "nyttig" count from the reactions.'

    def handle(self, *args, **options):
        self.stdout.write(f"{useful_counts_repair()} posts updated")
