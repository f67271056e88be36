"""Disposal lists as spreadsheets: the disposal log a records officer files or sends on.

The rows are plain values; ``fagrom.spreadsheet`` escapes them the same way for CSV
and XLSX, so a thread title that starts like a formula stays text.
"""

from __future__ import annotations

import csv

from django.utils import timezone
from django.utils.translation import gettext as _

import access
from fagrom.spreadsheet import csv_row, xlsx_bytes

from ..models import DisposalList


def _day(value) -> str:
    return timezone.localdate(value).isoformat() if value else ""


def disposal_list_rows(*, disposal_list: DisposalList, by) -> list[list]:
    """One row per thread or case on the list, as its page shows them."""
    access.check_keep_records(by)
    rows = [
        [
            _("Type"),
            _("ID"),
            _("Tittel"),
            _("Rom"),
            _("Tema"),
            _("Opprettet"),
            _("Siste aktivitet / avsluttet"),
            _("Regel"),
            _("Utfall"),
            _("Begrunnelse"),
            _("Kassert"),
            _("Slettede filer"),
        ]
    ]
    for item in disposal_list.items.order_by("pk"):
        rows.append(
            [
                _("Sak") if item.case_id else _("Tråd"),
                item.case_id or item.thread_pk or "",
                item.title,
                item.room_name,
                item.topic_name,
                _day(item.thread_created_at),
                _day(item.last_activity_at),
                item.rule_text,
                item.get_outcome_display(),
                item.kept_reason,
                _day(item.disposed_at),
                ", ".join(f["original_name"] for f in item.deleted_files),
            ]
        )
    return rows


def disposal_list_csv(*, disposal_list: DisposalList, by, out) -> None:
    writer = csv.writer(out)
    for row in disposal_list_rows(disposal_list=disposal_list, by=by):
        writer.writerow(csv_row(row))


def disposal_list_xlsx(*, disposal_list: DisposalList, by) -> bytes:
    rows = disposal_list_rows(disposal_list=disposal_list, by=by)
    return xlsx_bytes(rows, title=str(disposal_list))
