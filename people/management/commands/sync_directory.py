from django.core.management.base import BaseCommand, CommandError

from people.directory import DirectoryError, directory_sync, read_export


class Command(BaseCommand):
    help = (
        "Bring org units and people in line with an HR/directory export (CSV or JSON; "
        "see docs/directory-sync.md). Idempotent; people missing from the export are "
        "deactivated, never deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="CSV or JSON export file(s)")
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would change, change nothing."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Apply even if more than a quarter of the people would be deactivated.",
        )

    def handle(self, *args, files, dry_run=False, force=False, **options):
        try:
            export = read_export(files)
            summary = directory_sync(
                export, dry_run=dry_run, max_deactivate=None if force else 0.25
            )
        except DirectoryError as exc:
            for error in exc.errors:
                self.stderr.write(error)
            raise CommandError(
                f"Nothing was changed: {len(exc.errors)} problem(s) in the export."
            ) from exc
        s = summary
        prefix = "Dry run, nothing changed. Would have: " if dry_run else ""
        self.stdout.write(
            f"{prefix}Units: {s.units_created} created, {s.units_updated} updated, "
            f"{s.units_moved} moved.\n"
            f"People: {s.people_created} created, {s.people_updated} updated, "
            f"{s.people_moved} moved, {s.people_deactivated} deactivated, "
            f"{s.people_reactivated} reactivated, {s.people_unchanged} unchanged."
        )
