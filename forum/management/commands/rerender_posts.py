from django.core.management.base import BaseCommand

from forum.services import posts_rerender


class Command(BaseCommand):
    help = (
        "Re-render posts stored with older Markdown/sanitiser rules (after MARKUP_VERSION changes)."
    )

    def handle(self, *args, **options):
        changed = posts_rerender()
        self.stdout.write(f"{changed} innlegg gjengitt på nytt.")
