"""Reading the agency's HR/directory export and bringing Fagrom in line with it.

``python manage.py sync_directory FILE…`` reads CSV or JSON (formats in
docs/directory-sync.md), checks the whole export first, and then, in one
transaction: creates and updates org units (moving them when their parent
changes), creates and updates people, moves people between units with
``person_move`` (room access follows) and deactivates directory-managed
people who are no longer in the export. Nobody is deleted: a person who left
keeps their name on what they wrote. Running the same export twice changes
nothing the second time.
"""

import csv
import io
import json
from dataclasses import dataclass, field, fields
from pathlib import Path

from django.db import transaction

from . import services
from .models import OrgUnit, User

TRUE = {"1", "true", "yes", "ja", "j", "y", "aktiv", "active"}
FALSE = {"0", "false", "no", "nei", "n", "inaktiv", "inactive", "sluttet"}
KINDS = {
    "agency": OrgUnit.Kind.AGENCY,
    "etat": OrgUnit.Kind.AGENCY,
    "virksomhet": OrgUnit.Kind.AGENCY,
    "department": OrgUnit.Kind.DEPARTMENT,
    "avdeling": OrgUnit.Kind.DEPARTMENT,
    "section": OrgUnit.Kind.SECTION,
    "seksjon": OrgUnit.Kind.SECTION,
}
UNIT_COLUMNS = {"code", "name", "parent_code", "kind", "short_name"}
PERSON_COLUMNS = {"username", "full_name", "email", "unit_code", "title", "active"}
KEEP = services.KEEP


class DirectoryError(Exception):
    """The export cannot be applied; ``errors`` says where and why (nothing was changed)."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class UnitRecord:
    code: str
    name: str
    parent_code: str = ""
    kind: str = ""
    short_name: object = KEEP
    where: str = ""


@dataclass
class PersonRecord:
    username: str
    full_name: str
    email: object = KEEP
    unit_code: object = KEEP
    title: object = KEEP
    active: bool = True
    where: str = ""


@dataclass
class Export:
    units: list[UnitRecord] = field(default_factory=list)
    people: list[PersonRecord] | None = None  # None: the export says nothing about people


@dataclass
class Summary:
    units_created: int = 0
    units_updated: int = 0
    units_moved: int = 0
    people_created: int = 0
    people_updated: int = 0
    people_moved: int = 0
    people_deactivated: int = 0
    people_reactivated: int = 0
    people_unchanged: int = 0

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


# --- reading -----------------------------------------------------------------------------


def _clean(value) -> str:
    return "" if value is None else " ".join(str(value).split())


def _parse_active(value, where: str, errors: list[str]) -> bool:
    if isinstance(value, bool):
        return value
    text = _clean(value).lower()
    if text == "" or text in TRUE:
        return True
    if text in FALSE:
        return False
    errors.append(f"{where}: active must be true or false, not {value!r}.")
    return True


def _unit_record(row: dict, where: str, errors: list[str]) -> UnitRecord | None:
    code, name = _clean(row.get("code")), _clean(row.get("name"))
    if not code or not name:
        errors.append(f"{where}: a unit needs both code and name.")
        return None
    kind = _clean(row.get("kind")).lower()
    if kind and kind not in KINDS:
        errors.append(f"{where}: unknown kind {kind!r} (agency, department or section).")
    return UnitRecord(
        code=code,
        name=name,
        parent_code=_clean(row.get("parent_code")),
        kind=KINDS.get(kind, ""),
        short_name=_clean(row["short_name"]) if "short_name" in row else KEEP,
        where=where,
    )


def _person_record(row: dict, where: str, errors: list[str]) -> PersonRecord | None:
    username, full_name = _clean(row.get("username")).lower(), _clean(row.get("full_name"))
    if not username:
        errors.append(f"{where}: a person needs a username.")
        return None
    if not full_name:
        errors.append(f"{where}: {username} has no full_name (Fagrom uses real names).")
    return PersonRecord(
        username=username,
        full_name=full_name,
        # A column the export doesn't have is left alone; an empty cell empties the value.
        email=_clean(row["email"]) if "email" in row else KEEP,
        unit_code=_clean(row["unit_code"]) if "unit_code" in row else KEEP,
        title=_clean(row["title"]) if "title" in row else KEEP,
        active=_parse_active(row.get("active"), where, errors),
        where=where,
    )


def _read_csv(text: str, name: str, export: Export, errors: list[str]) -> None:
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    columns = {(c or "").strip().lower() for c in reader.fieldnames or []}
    if {"username", "full_name"} <= columns:
        kind, extra = "people", columns - PERSON_COLUMNS
    elif {"code", "name"} <= columns:
        kind, extra = "units", columns - UNIT_COLUMNS
    else:
        errors.append(
            f"{name}: the first line must name the columns: code,name,… for units "
            "or username,full_name,… for people."
        )
        return
    if extra:
        errors.append(f"{name}: unknown columns {', '.join(sorted(extra))}.")
        return
    if kind == "people" and export.people is None:
        export.people = []
    for row in reader:
        row = {(k or "").strip().lower(): v for k, v in row.items()}
        where = f"{name} line {reader.line_num}"
        if kind == "units":
            record = _unit_record(row, where, errors)
            if record:
                export.units.append(record)
        else:
            record = _person_record(row, where, errors)
            if record:
                export.people.append(record)


def _read_json(text: str, name: str, export: Export, errors: list[str]) -> None:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        errors.append(f"{name}: not valid JSON ({exc.msg}, line {exc.lineno}).")
        return
    if not isinstance(data, dict) or not ({"units", "people"} & set(data)):
        errors.append(f'{name}: expected an object with "units" and/or "people" lists.')
        return
    for key, reader, columns in (
        ("units", _unit_record, UNIT_COLUMNS),
        ("people", _person_record, PERSON_COLUMNS),
    ):
        if key not in data:
            continue
        if not isinstance(data[key], list):
            errors.append(f'{name}: "{key}" must be a list.')
            continue
        if key == "people" and export.people is None:
            export.people = []
        for index, item in enumerate(data[key]):
            where = f"{name} {key}[{index}]"
            if not isinstance(item, dict):
                errors.append(f"{where}: expected an object.")
                continue
            if extra := set(item) - columns:
                errors.append(f"{where}: unknown fields {', '.join(sorted(extra))}.")
            record = reader(item, where, errors)
            if record:
                (export.units if key == "units" else export.people).append(record)


def read_export(paths: list[Path | str]) -> Export:
    """Read one or more export files (CSV or JSON) into one export, or raise DirectoryError."""
    export, errors = Export(), []
    for path in map(Path, paths):
        try:
            text = path.read_text(encoding="utf-8-sig")  # Excel writes a byte-order mark
        except (OSError, UnicodeDecodeError) as exc:
            errors.append(f"{path}: cannot read ({exc}).")
            continue
        if path.suffix.lower() == ".json":
            _read_json(text, path.name, export, errors)
        else:
            _read_csv(text, path.name, export, errors)
    if errors:
        raise DirectoryError(errors)
    return export


# --- checking ----------------------------------------------------------------------------


def _check(export: Export) -> list[UnitRecord]:
    """Validate references and return the units ordered parents first."""
    errors = []
    by_code: dict[str, UnitRecord] = {}
    for unit in export.units:
        if unit.code in by_code:
            errors.append(f"{unit.where}: unit code {unit.code} appears twice.")
        by_code[unit.code] = unit
    known_codes = set(by_code) | set(OrgUnit.objects.values_list("code", flat=True))
    for unit in export.units:
        if unit.parent_code and unit.parent_code not in known_codes:
            errors.append(f"{unit.where}: parent_code {unit.parent_code} is not a known unit.")

    # Parents before children; what remains after no progress is a cycle.
    ordered, placed, pending = [], set(), list(export.units)
    while pending:
        ready = [
            u
            for u in pending
            if not u.parent_code or u.parent_code not in by_code or u.parent_code in placed
        ]
        if not ready:
            errors.extend(f"{u.where}: unit {u.code} is part of a parent cycle." for u in pending)
            break
        for unit in ready:
            ordered.append(unit)
            placed.add(unit.code)
        pending = [u for u in pending if u.code not in placed]

    seen = set()
    for person in export.people or []:
        if person.username in seen:
            errors.append(f"{person.where}: username {person.username} appears twice.")
        seen.add(person.username)
        if person.unit_code not in (KEEP, "") and person.unit_code not in known_codes:
            errors.append(f"{person.where}: unit_code {person.unit_code} is not a known unit.")
    if errors:
        raise DirectoryError(errors)
    return ordered


# --- applying ----------------------------------------------------------------------------


def _kind_for(record: UnitRecord, parent: OrgUnit | None, existing: OrgUnit | None) -> str:
    if record.kind:
        return record.kind
    if existing is not None:
        return existing.kind
    if parent is None:
        return OrgUnit.Kind.AGENCY
    return OrgUnit.Kind.DEPARTMENT if parent.is_root() else OrgUnit.Kind.SECTION


class _DryRun(Exception):
    pass


def directory_sync(
    export: Export, *, dry_run: bool = False, max_deactivate: float | None = 0.25
) -> Summary:
    """Apply ``export`` in one transaction and say what changed.

    ``max_deactivate`` guards against a truncated export: if more than that
    share of the active directory-managed people would be deactivated (and
    more than ten), nothing is changed. ``None`` turns the guard off.
    """
    ordered_units = _check(export)
    summary = Summary()
    try:
        with transaction.atomic():
            _apply_units(ordered_units, summary)
            if export.people is not None:
                _apply_people(export.people, summary, max_deactivate)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return summary


def _apply_units(ordered_units: list[UnitRecord], summary: Summary) -> None:
    for record in ordered_units:
        # Fetch fresh every time: moving a unit rewrites the tree paths below it.
        parent = OrgUnit.objects.get(code=record.parent_code) if record.parent_code else None
        existing = OrgUnit.objects.filter(code=record.code).first()
        change = services.unit_sync_from_directory(
            code=record.code,
            name=record.name,
            kind=_kind_for(record, parent, existing),
            parent=parent,
            short_name=record.short_name,
        )
        summary.units_created += change.created
        summary.units_updated += change.updated
        summary.units_moved += change.moved


def _apply_people(people: list[PersonRecord], summary: Summary, max_deactivate) -> None:
    # One query for everyone instead of one (case-insensitive, unindexed) per person.
    users = {u.username.lower(): u for u in User.objects.all()}
    listed = {p.username: p for p in people}
    managed = [u for u in users.values() if u.directory_managed and u.is_active]
    leaving = [u for u in managed if u.username.lower() not in listed]
    if max_deactivate is not None:
        marked_inactive = [
            u
            for u in managed
            if u.username.lower() in listed and not listed[u.username.lower()].active
        ]
        count = len(leaving) + len(marked_inactive)
        if count > 10 and count > max_deactivate * len(managed):
            raise DirectoryError(
                [
                    f"The export would deactivate {count} of {len(managed)} active people. "
                    "If that is right, run again with --force; otherwise check the export."
                ]
            )
    units = {u.code: u for u in OrgUnit.objects.all()}
    for record in people:
        if record.unit_code is KEEP:
            unit = KEEP
        else:
            unit = units.get(record.unit_code) if record.unit_code else None
        change = services.person_sync_from_directory(
            username=record.username,
            full_name=record.full_name,
            email=record.email,
            title=record.title,
            unit=unit,
            is_active=record.active,
            source="sync_directory",
            existing=users.get(record.username),
        )
        _count(change, summary)
    for user in leaving:
        change = services.person_sync_from_directory(
            username=user.username, is_active=False, source="sync_directory", existing=user
        )
        _count(change, summary)


def _count(change: services.DirectoryChange, summary: Summary) -> None:
    summary.people_created += change.created
    summary.people_updated += change.updated
    summary.people_moved += change.moved
    summary.people_deactivated += change.deactivated
    summary.people_reactivated += change.reactivated
    if not (
        change.created or change.updated or change.moved or change.deactivated or change.reactivated
    ):
        summary.people_unchanged += 1
