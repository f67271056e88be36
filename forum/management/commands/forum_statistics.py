import csv
import datetime

from django.core.management.base import BaseCommand, CommandError

from fagrom.spreadsheet import csv_row
from forum import statistics
from forum.models import Topic


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"Ugyldig dato «{value}»: skriv ÅÅÅÅ-MM-DD.") from exc


class Command(BaseCommand):
    help = (
        "Forum statistics for a period, for reporting upwards: threads and posts per month "
        "and topic, questions answered and median hours to the first answer, most helpful "
        "contributors, removals and escalations. NOTE: this command counts EVERYTHING, closed "
        "rooms included, regardless of who runs it; the web pages count only what the viewer "
        "may see. Treat the output accordingly."
    )

    def add_arguments(self, parser):
        today = datetime.date.today()
        parser.add_argument(
            "--from",
            dest="start",
            type=_date,
            default=today.replace(day=1),
            help="First day, YYYY-MM-DD (default: first day of this month).",
        )
        parser.add_argument(
            "--to",
            dest="end",
            type=_date,
            default=today,
            help="Last day, included (default: today).",
        )
        parser.add_argument("--format", choices=("text", "csv"), default="text")
        parser.add_argument(
            "--table",
            help="Only this table (summary, monthly, topics, contributors, ...); "
            "with --format csv this gives one plain CSV table.",
        )
        parser.add_argument(
            "--topic", type=int, help="Only this topic (its id); default: every topic."
        )

    def handle(self, *args, start, end, format, table, topic, **options):
        if start > end:
            raise CommandError("--from må være før eller lik --to.")
        the_topic = None
        if topic is not None:
            the_topic = Topic.objects.filter(pk=topic).first()
            if the_topic is None:
                raise CommandError(f"Fant ikke tema {topic}.")
        report = statistics.report(
            statistics.scope_everything(the_topic), statistics.Period(start, end)
        )
        tables = report.tables
        if table:
            tables = [t for t in tables if t.key == table]
            if not tables:
                keys = ", ".join(t.key for t in report.tables)
                raise CommandError(f"Ukjent tabell «{table}». Velg en av: {keys}.")
        if format == "csv":
            writer = csv.writer(self.stdout, lineterminator="\n")
            for i, t in enumerate(tables):
                if i:
                    self.stdout.write("")
                columns = csv_row(t.columns)
                writer.writerow([t.key, *columns] if len(tables) > 1 else columns)
                for row in t.rows:
                    cells = csv_row(row)  # no cell runs as a formula in a spreadsheet
                    writer.writerow([t.key, *cells] if len(tables) > 1 else cells)
            return
        self.stdout.write(f"Forumstatistikk {start} – {end} (alle rom, også lukkede)")
        for t in tables:
            self.stdout.write("")
            self.stdout.write(t.caption)
            self.stdout.write("-" * len(t.caption))
            widths = [
                max(len(str(c)), *(len(_cell(r[i])) for r in t.rows)) if t.rows else len(str(c))
                for i, c in enumerate(t.columns)
            ]
            self.stdout.write(
                "  ".join(str(c).ljust(w) for c, w in zip(t.columns, widths, strict=True))
            )
            for row in t.rows:
                self.stdout.write(
                    "  ".join(_cell(v).ljust(w) for v, w in zip(row, widths, strict=True))
                )


def _cell(value) -> str:
    return "–" if value is None else str(value)
