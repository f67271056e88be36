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
