"""``manage.py storage_check [--delete]``: files in the storage that no record points to."""

from django.core.files.storage import storages
from django.core.management.base import BaseCommand

from fagrom.storage import storage_orphans


class Command(BaseCommand):
    help = (
        "Lists files (attachments, archival documents, partial writes) that no record "
        "points to; --delete removes them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true", help="remove the orphans listed")

    def handle(self, *, delete, **options):
        orphans = storage_orphans()
        size = 0
        for alias, name in orphans:
            storage = storages[alias]
            try:
                size += storage.size(name)
            except (NotImplementedError, OSError):
                pass
            if delete:
                storage.delete(name)
            self.stdout.write(f"{'deleted' if delete else 'orphan'} {alias}:{name}")
        verb = "deleted" if delete else "found"
        self.stdout.write(f"{len(orphans)} orphaned files ({size} bytes) {verb}.")
