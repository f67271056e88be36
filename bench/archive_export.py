"""Noark 5 export benchmark: time and peak memory of `archive_export` for N journal entries.

Usage (a throw-away database and storage; SQLite by default, PostgreSQL via DATABASE_URL):

    .venv/bin/python bench/archive_export.py --entries 100000

It migrates a fresh database under --work (unless DATABASE_URL is set), bulk-creates
closed cases of --per-case entries each, one small archival file per entry
(written straight to the private storage) and the endringslogg rows that closing
a case leaves, then runs `manage.py archive_export` as a child process twice:
on the first tenth of the cases (--to) and on all of them. Peak memory is the
child's own maximum resident set size (os.wait4 rusage), so a flat figure
across the two runs shows the export streams. Finally it validates the full
extract with shared/noark5/validate.py when that is found.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup(work: Path) -> dict:
    env = dict(os.environ)
    if "DATABASE_URL" not in env:
        env["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    env["PRIVATE_STORAGE_ROOT"] = str(work / "private")
    env["MEDIA_ROOT"] = str(work / "media")
    env.setdefault("DJANGO_SETTINGS_MODULE", "fagrom.settings")
    os.environ.update(env)
    import django

    django.setup()
    return env


def generate(entries: int, per_case: int) -> None:
    from django.core.files.storage import storages
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from archive.models import (
        ArchivalDocument,
        ArchiveClass,
        ArchiveEvent,
        Case,
        JournalEntry,
        JournalSequence,
    )
    from archive.services import fonds_get
    from people.models import OrgUnit, User
    from people.services import person_create, unit_create

    call_command("migrate", verbosity=0)
    if JournalEntry.objects.exists():
        print(f"database already holds {JournalEntry.objects.count()} entries; reusing them")
        return
    unit = OrgUnit.objects.filter(code="BENCH").first() or unit_create(
        name="Benkeetaten", code="BENCH", kind="agency"
    )
    officer = User.objects.filter(username="bench-arkivar").first() or person_create(
        username="bench-arkivar", full_name="Benk Arkivar", unit=unit, password=None
    )
    fonds_get()
    klass = ArchiveClass.objects.order_by("code").first()
    storage = storages["private"]
    root = Path(storage.location)
    now = timezone.now()
    year = timezone.localdate(now).year
    cases_n = (entries + per_case - 1) // per_case
    started = time.perf_counter()
    seq = 0
    batch = 500  # cases per transaction
    for first_case in range(0, cases_n, batch):
        with transaction.atomic():
            cases = []
            for n in range(first_case, min(first_case + batch, cases_n)):
                day = now - timedelta(days=cases_n - n)  # closing dates spread over days
                cases.append(
                    Case(
                        year=year,
                        sequence_number=n + 1,
                        title=f"Benkesak {n + 1}",
                        public_title=f"Benkesak {n + 1}",
                        archive_class=klass,
                        responsible_unit=unit,
                        responsible_unit_name=unit.name,
                        case_officer=officer,
                        case_officer_name=officer.full_name,
                        status=Case.Status.CLOSED,
                        created_at=day - timedelta(hours=1),
                        created_by_name=officer.full_name,
                        closed_at=day,
                        closed_by_name=officer.full_name,
                        last_document_number=per_case,
                    )
                )
            cases = Case.objects.bulk_create(cases)
            entry_rows, events = [], []
            for case in cases:
                events.append(
                    ArchiveEvent(
                        at=case.closed_at,
                        actor_name=officer.display_name,
                        action="case_closed",
                        summary=f"Sak {case.number} avsluttet",
                        unit_uuid=case.uuid,
                        field="saksstatus",
                        old_value="Under behandling",
                        new_value="Avsluttet",
                    )
                )
                for d in range(1, per_case + 1):
                    if seq >= entries:
                        break
                    seq += 1
                    screened = seq % 50 == 0
                    entry_rows.append(
                        JournalEntry(
                            case=case,
                            year=year,
                            sequence_number=seq,
                            document_number=d,
                            title=f"Forumtråd {seq} fra Navn Navnesen {seq}",
                            public_title=f"Forumtråd {seq} fra *****"
                            if screened
                            else f"Forumtråd {seq} fra Navn Navnesen {seq}",
                            type="X",
                            status=JournalEntry.Status.ARCHIVED,
                            document_date=timezone.localdate(case.created_at),
                            journal_date=timezone.localdate(case.created_at),
                            responsible_unit=unit,
                            responsible_unit_name=unit.name,
                            journaled_by=officer,
                            journaled_by_name=officer.full_name,
                            sender_name=f"Navn Navnesen {seq}",
                            sender_unit_name=unit.name,
                            screening_basis="offl. § 13 jf. fvl. § 13" if screened else "",
                            screen_title=screened,
                            screen_names=screened,
                            created_at=case.created_at,
                        )
                    )
            entry_rows = JournalEntry.objects.bulk_create(entry_rows)
            docs = []
            for entry in entry_rows:
                name = f"archive/{year}/bench-{entry.sequence_number:07d}.pdf"
                body = b"%PDF-1.7\n% bench document " + str(entry.uuid).encode() + b"\n%%EOF\n"
                path = root / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(body)
                docs.append(
                    ArchivalDocument(
                        entry=entry,
                        title=entry.title,
                        file_name=name,
                        sha256=hashlib.sha256(body).hexdigest(),
                        size=len(body),
                        created_at=entry.created_at,
                        created_by_name=officer.full_name,
                    )
                )
                events.append(
                    ArchiveEvent(
                        at=entry.case.closed_at,
                        actor_name=officer.display_name,
                        action="entry_archived",
                        summary=f"Journalpost {entry.running_number} arkivert",
                        unit_uuid=entry.uuid,
                        field="journalstatus",
                        old_value="Journalført",
                        new_value="Arkivert",
                    )
                )
            ArchivalDocument.objects.bulk_create(docs)
            ArchiveEvent.objects.bulk_create(events)
    JournalSequence.objects.update_or_create(
        kind="case", year=year, defaults={"last_number": cases_n}
    )
    JournalSequence.objects.update_or_create(kind="entry", year=year, defaults={"last_number": seq})
    print(f"generated {cases_n} cases, {seq} entries in {time.perf_counter() - started:.1f} s")


def export(env: dict, out: Path, to_date: str | None) -> tuple[float, float]:
    """Run archive_export as a child; returns (seconds, peak RSS of the child in MiB)."""
    args = [sys.executable, "manage.py", "archive_export", "--out", str(out), "--no-progress"]
    if to_date:
        args += ["--to", to_date]
    started = time.perf_counter()
    child = subprocess.Popen(args, cwd=ROOT, env=env)
    _pid, status, usage = os.wait4(child.pid, 0)  # this child's own rusage
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"archive_export failed with status {child.returncode}")
    return seconds, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--per-case", type=int, default=10)
    parser.add_argument("--work", type=Path, default=Path("/tmp/fagrom-bench-archive"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    env = setup(args.work)
    generate(args.entries, args.per_case)

    from django.db.models import Max, Min
    from django.utils import timezone

    from archive.models import Case

    bounds = Case.objects.aggregate(first=Min("closed_at"), last=Max("closed_at"))
    first, last = (timezone.localdate(bounds[k]) for k in ("first", "last"))
    tenth = first + (last - first) / 10
    import shutil

    results = []
    for label, to_date in (("~10 %", tenth.isoformat()), ("all", None)):
        out = args.work / f"uttrekk-{label.strip('~ %') or 'tenth'}"
        shutil.rmtree(out, ignore_errors=True)
        seconds, peak = export(env, out, to_date)
        entries = sum(1 for _ in (out / "DOKUMENT").rglob("*.pdf"))
        size = sum(p.stat().st_size for p in out.glob("*.xml")) / 1024 / 1024
        results.append((label, entries, seconds, peak, size, out))
        print(
            f"{label}: {entries} entries in {seconds:.1f} s, peak RSS {peak:.0f} MiB, XML {size:.0f} MiB"
        )

    validator = next(
        (
            p / "shared" / "noark5" / "validate.py"
            for p in ROOT.parents
            if (p / "shared" / "noark5" / "validate.py").exists()
        ),
        None,
    )
    if validator:
        started = time.perf_counter()
        run = subprocess.run(
            [sys.executable, str(validator), str(results[-1][5])], capture_output=True, text=True
        )
        print(
            f"validate.py: {run.stdout.strip().splitlines()[-1]} ({time.perf_counter() - started:.0f} s)"
        )
    print("\n| extract | journal entries | export time | peak RSS (child) | XML size |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, entries, seconds, peak, size, _out in results:
        print(f"| {label} | {entries:,} | {seconds:.1f} s | {peak:.0f} MiB | {size:.0f} MiB |")


if __name__ == "__main__":
    main()
