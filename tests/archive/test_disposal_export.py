"""A disposal list as CSV and XLSX: the same rows, formula-like titles kept as text."""

import csv
import io
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from archive import services
from tests.forum.factories import PostFactory, ThreadFactory


def test_a_disposal_list_downloads_as_csv_and_xlsx_for_records_officers_only(
    topic, case_worker, archivist, second_archivist, client
):
    services.retention_rule_create(by=archivist, inactive_years=3, topic=topic)
    long_ago = timezone.now() - timedelta(days=4 * 365)
    thread = ThreadFactory(topic=topic, author=case_worker, title='=HYPERLINK("x") Gammel')
    PostFactory(thread=thread, author=case_worker)
    type(thread).objects.filter(pk=thread.pk).update(created_at=long_ago, last_post_at=long_ago)
    thread.posts.update(created_at=long_ago)
    disposal_list = services.disposal_propose()
    services.disposal_approve(disposal_list=disposal_list, by=second_archivist)

    client.force_login(archivist)
    page = client.get(reverse("archive:disposal", args=[disposal_list.pk])).content.decode()
    xlsx_url = reverse("archive:disposal_export", args=[disposal_list.pk, "xlsx"])
    csv_url = reverse("archive:disposal_export", args=[disposal_list.pk, "csv"])
    assert xlsx_url in page and csv_url in page

    response = client.get(xlsx_url)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [["" if c.value is None else str(c.value) for c in row] for row in sheet.iter_rows()]
    assert all(
        c.data_type == "s" for row in sheet.iter_rows() for c in row if isinstance(c.value, str)
    )
    body = client.get(csv_url).content.decode("utf-8-sig")
    assert rows == list(csv.reader(io.StringIO(body)))
    assert rows[0][:3] == ["Type", "ID", "Tittel"]
    assert rows[1][:3] == ["Tråd", str(thread.pk), '\'=HYPERLINK("x") Gammel']
    assert rows[1][8] == "Slettet" and rows[1][10] == timezone.localdate().isoformat()

    client.force_login(case_worker)
    assert client.get(xlsx_url).status_code == 403
    client.force_login(archivist)
    bad = reverse("archive:disposal_export", args=[disposal_list.pk, "ods"])
    assert client.get(bad).status_code == 404
