"""`manage.py archive_export --out DIR [--from DATE] [--to DATE]`: a Noark 5 extract."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from archive.models import ArchiveEvent
from archive.noark.export import ExportError, Extract
from archive.services import event_log


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"Ugyldig dato {value!r}; bruk ÅÅÅÅ-MM-DD.") from exc


class Command(BaseCommand):
    help = (
        "Write a Noark 5 archive extract (arkivuttrekk) of the cases closed in a period: "
        "arkivstruktur.xml, endringslogg.xml, loependeJournal.xml, offentligJournal.xml, "
        "arkivuttrekk.xml (ADDML), the schemas and DOKUMENT/."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="Directory to write (new or empty).")
        parser.add_argument("--from", dest="date_from", help="First closing date, YYYY-MM-DD.")
        parser.add_argument("--to", dest="date_to", help="Last closing date, YYYY-MM-DD.")
        parser.add_argument("--by", default="", help="Name recorded as avsluttetAv.")
        parser.add_argument(
            "--no-progress", action="store_true", help="No progress bar (default on a terminal)."
        )

    def handle(self, *args, out, date_from, date_to, by, no_progress, **options):
        start = _date(date_from) if date_from else None
        end = _date(date_to) if date_to else None
        if start and end and start > end:
            raise CommandError("--from kan ikke være etter --to.")
        extract = Extract(
            out, date_from=start, date_to=end, by_name=by, progress=False if no_progress else None
        )
        try:
            result = extract.run()
        except ExportError as exc:
            raise CommandError(str(exc)) from exc
        event_log(
            actor=None,
            action=ArchiveEvent.Action.EXPORTED,
            summary=f"Arkivuttrekk {extract.period_start}–{extract.period_end}: "
            f"{result.cases} saker, {result.entries} journalposter",
            details={"out": str(out), "cases": result.cases, "entries": result.entries},
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Arkivuttrekk skrevet til {out}: {result.cases} saker, "
                f"{result.entries} journalposter, {result.documents} dokumenter, "
                f"{result.changes} endringer."
            )
        )
