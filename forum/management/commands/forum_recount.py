from django.core.management.base import BaseCommand

from forum.services import threads_recount, topics_recount


class Command(BaseCommand):
    help = "Recompute thread and topic counters from the posts (repairs drifted counters)."

    def handle(self, *args, **options):
        threads = threads_recount()
        topics = topics_recount()
        self.stdout.write(self.style.SUCCESS(f"{threads} threads and {topics} topics recounted"))
