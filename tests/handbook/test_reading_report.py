"""The read-confirmation report per unit: subtotals, CSV export and reminders."""

import csv
import io

from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry

from handbook import services
from tests.handbook.test_reading import required_page
from tests.people.factories import OrgUnitFactory, UserFactory


def test_the_report_has_subtotals_per_unit_a_csv_and_reminds_those_missing(
    client, case_worker, colleague, page_owner, handbook_editor, routines, department
):
    section = OrgUnitFactory(
        name="NAV Sandnes oppfølging", code="NAV-SANDNES-OPPF", parent=department
    )
    formula = UserFactory(username="f", full_name="=HYPERLINK(1) Navn", unit=section)
    page = required_page(routines, page_owner, handbook_editor, department)
    services.reading_confirm(page=page, user=case_worker)
    report = {r["unit"].name: r for r in services.reading_report(page=page)}
    assert len(report["NAV Sandnes"]["confirmed"]) == 1
    assert report["NAV Sandnes oppfølging"]["missing"] == [formula]
    assert report["NAV Sandnes oppfølging"]["total"] == 1

    client.force_login(page_owner)
    url = reverse("handbook:confirmations", args=[page.pk])
    html = client.get(url).content.decode()
    assert 'id="unit-report"' in html and "NAV Sandnes oppfølging" in html

    response = client.get(url, {"csv": "1"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Enhet", "Navn", "Status", "Bekreftet"]
    assert ["NAV Sandnes", "Kari Nordmann", "bekreftet"] == rows[1][:3]
    assert ["NAV Sandnes oppfølging", "'=HYPERLINK(1) Navn", "mangler", ""] in rows
    assert ["NAV Sandnes oppfølging", "Sum", "0/1", ""] in rows

    response = client.post(url)
    assert response.status_code == 302
    recipients = {m.to[0] for m in mail.outbox}
    assert case_worker.email not in recipients
    assert formula.email in recipients and colleague.email in recipients
    assert PageLogEntry.objects.filter(page=page, action="handbook.reading_reminder").exists()


def test_a_case_worker_can_neither_export_nor_remind(
    client, case_worker, page_owner, handbook_editor, routines, department
):
    page = required_page(routines, page_owner, handbook_editor, department)
    client.force_login(case_worker)
    url = reverse("handbook:confirmations", args=[page.pk])
    assert client.get(url, {"csv": "1"}).status_code == 403
    assert client.post(url).status_code == 403
    assert not mail.outbox


def test_the_xlsx_export_holds_the_csvs_rows_with_formulas_kept_as_text(
    client, case_worker, page_owner, handbook_editor, routines, department
):
    from openpyxl import load_workbook

    section = OrgUnitFactory(name="=SUM(A1:A9)", code="NAV-SANDNES-X", parent=department)
    UserFactory(username="f", full_name="=HYPERLINK(1) Navn", unit=section)
    UserFactory(username="g", full_name="+cmd|' /C calc'!A0", unit=section)
    UserFactory(username="h", full_name="Tab\x07 Bell", unit=section)  # XML cannot hold \x07
    page = required_page(routines, page_owner, handbook_editor, department)
    services.reading_confirm(page=page, user=case_worker)
    client.force_login(page_owner)
    url = reverse("handbook:confirmations", args=[page.pk])
    assert "?xlsx=1" in client.get(url).content.decode()

    response = client.get(url, {"xlsx": "1"})
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [list(row) for row in sheet.iter_rows()]
    assert all(c.data_type == "s" for row in cells for c in row if c.value is not None)
    rows = [[c.value or "" for c in row] for row in cells]
    csv_rows = list(csv.reader(io.StringIO(client.get(url, {"csv": "1"}).content.decode())))
    # The same report, the same escaping (the XLSX drops what XML cannot hold).
    assert [r for r in rows if "Bell" not in r[1]] == [r for r in csv_rows if "Bell" not in r[1]]
    assert rows[0] == ["Enhet", "Navn", "Status", "Bekreftet"]
    assert ["'=SUM(A1:A9)", "'=HYPERLINK(1) Navn", "mangler", ""] in rows
    assert ["'=SUM(A1:A9)", "'+cmd|' /C calc'!A0", "mangler", ""] in rows
    assert ["'=SUM(A1:A9)", "Tab Bell", "mangler", ""] in rows
    assert ["'=SUM(A1:A9)", "Sum", "0/3", ""] in rows
    assert sheet.freeze_panes == "A2"
    client.force_login(case_worker)
    assert client.get(url, {"xlsx": "1"}).status_code == 403
