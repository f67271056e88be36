"""Case types (sakstyper): kept by records officers, giving their cases a retention line
between the case's own override and the archive class's (issue 19)."""

import subprocess
import sys
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from archive import services
from archive.models import ArchivalDocument, ArchiveClass, ArchiveEvent, Case, CaseType
from tests.archive.factories import journal
from tests.archive.test_export import VALIDATOR
from tests.forum.factories import ThreadFactory

NS = {
    "a": "http://www.arkivverket.no/standarder/noark5/arkivstruktur",
    "f": "urn:fagrom:noark5:virksomhetsspesifikke-metadata",
}
PLAN = "Bevarings- og kassasjonsplan pkt. 4.3.2"


@pytest.fixture
def kept_class(db):
    return ArchiveClass.objects.get(code="F01")  # «Bevares»


@pytest.fixture
def benefit_type(kept_class, archivist, topic):
    # ``topic`` first: the room must exist before the archivist's grants are memoised.
    return services.case_type_save(
        by=archivist,
        code="DP-HENV",
        title="Henvendelse om dagpenger",
        archive_class=kept_class,
        decision="dispose",
        years=2,
        basis=PLAN,
    )


def _case_of(case_type, thread, by, years_ago=3):
    case = journal(thread, by).case
    services.case_type_assign(case=case, by=by, case_type=case_type)
    services.case_close(case=case, by=by)
    Case.objects.filter(pk=case.pk).update(
        closed_at=timezone.now() - timedelta(days=365 * years_ago)
    )
    return Case.objects.select_related("archive_class", "case_type").get(pk=case.pk)


def test_a_case_takes_its_types_line_over_its_class_and_keeps_its_own_override(
    benefit_type, topic, case_worker, archivist
):
    case = _case_of(benefit_type, ThreadFactory(topic=topic, author=case_worker), archivist)
    retention = case.retention
    assert (retention.decision, retention.years, retention.basis) == ("dispose", 2, PLAN)
    assert retention.inherited and retention.source == "casetype"
    assert [c.pk for c in services.cases_due_for_disposal()] == [case.pk]

    services.case_retention_set(case=case, by=archivist, decision="keep")
    case.refresh_from_db()
    assert case.retention.source == "case" and case.retention.decision == "keep"
    assert services.cases_due_for_disposal() == []

    # A type without a line of its own leaves the class's in force.
    services.case_retention_set(case=case, by=archivist, decision="")
    services.case_type_save(
        by=archivist,
        case_type=benefit_type,
        code="DP-HENV",
        title="Henvendelse om dagpenger",
        archive_class=benefit_type.archive_class,
    )
    case = Case.objects.get(pk=case.pk)
    assert case.retention.source == "archiveclass" and case.retention.decision == "keep"
    assert services.cases_due_for_disposal() == []


def test_whoever_set_the_types_line_cannot_approve_its_disposal(
    benefit_type, topic, case_worker, archivist, second_archivist
):
    case = _case_of(benefit_type, ThreadFactory(topic=topic, author=case_worker), archivist)
    disposal_list = services.disposal_propose()
    with pytest.raises(services.ArchiveError, match="satte bevaringstiden"):
        services.disposal_approve(disposal_list=disposal_list, by=archivist)
    services.disposal_approve(disposal_list=disposal_list, by=second_archivist)
    assert not ArchivalDocument.objects.filter(entry__case=case, disposed_at__isnull=True)


def test_renaming_a_type_does_not_make_the_renamer_answer_for_its_line(
    benefit_type, archivist, second_archivist
):
    services.case_type_save(
        by=second_archivist,
        case_type=benefit_type,
        code="DP-HENV",
        title="Henvendelser om dagpenger",
        archive_class=benefit_type.archive_class,
        decision="dispose",
        years=2,
        basis=PLAN,
    )
    benefit_type.refresh_from_db()
    assert benefit_type.title == "Henvendelser om dagpenger"
    assert benefit_type.retention_set_by == archivist
    assert ArchiveEvent.objects.filter(details__case_type=benefit_type.pk).count() == 2


def test_records_officers_keep_the_list_on_its_page_and_others_may_not(
    kept_class, archivist, case_worker, client, topic
):
    url = reverse("archive:case_types")
    client.force_login(case_worker)
    assert client.get(url).status_code == 403
    client.force_login(archivist)
    data = {
        "new-code": "KLAGE",
        "new-title": "Klage på vedtak",
        "new-archive_class": kept_class.pk,
        "new-decision": "dispose",
        "new-years": "",
        "new-basis": "",
        "new-is_active": "on",
    }
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Oppgi bevaringstiden i hele år" in response.content.decode()
    response = client.post(url, {**data, "new-years": "10", "new-basis": PLAN})
    assert response.status_code == 302
    klage = CaseType.objects.get(code="KLAGE")
    assert (klage.disposal_decision, klage.retention_years, klage.retention_set_by) == (
        "dispose",
        10,
        archivist,
    )
    response = client.post(url, {**data, "new-years": "10", "new-basis": PLAN})
    assert response.status_code == 400
    assert "finnes allerede en sakstype med koden KLAGE" in response.content.decode()
    page = client.get(url).content.decode()
    assert "Klage på vedtak" in page


def test_the_case_page_shows_and_sets_the_type(benefit_type, topic, case_worker, archivist, client):
    case = journal(ThreadFactory(topic=topic, author=case_worker), archivist).case
    client.force_login(archivist)
    response = client.post(
        reverse("archive:case_type_assign", args=[case.pk]), {"case_type": benefit_type.pk}
    )
    assert response.status_code == 302
    page = client.get(reverse("archive:case", args=[case.pk])).content.decode()
    assert "DP-HENV Henvendelse om dagpenger" in page
    assert "arvet fra sakstypen" in page
    assert ArchiveEvent.objects.filter(unit_uuid=case.uuid, details__case_type=benefit_type.pk)


def test_a_new_case_gets_its_type_and_class_from_the_journaling_form(
    benefit_type, topic, case_worker, archivist, client
):
    from archive.forms import JournalForm

    form = JournalForm(
        data={
            "new_case_title": "Spørsmål om dagpenger",
            "case_type": benefit_type.pk,
            "title": "Spørsmål",
            "document_date": timezone.localdate().isoformat(),
            "type": "X",
            "responsible_unit": archivist.org_unit.pk,
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["archive_class"] == benefit_type.archive_class


def test_the_extract_names_the_case_type_and_still_validates(
    benefit_type, topic, case_worker, archivist, tmp_path
):
    case = _case_of(
        benefit_type, ThreadFactory(topic=topic, author=case_worker), archivist, years_ago=0
    )
    out = tmp_path / "uttrekk"
    call_command("archive_export", "--out", str(out), "--no-progress")
    tree = etree.parse(str(out / "arkivstruktur.xml"))
    mappe = tree.xpath(f"//a:mappe[a:mappeID='{case.number}']", namespaces=NS)[0]
    kind = mappe.xpath("a:virksomhetsspesifikkeMetadata/f:sakstype", namespaces=NS)[0]
    assert kind.xpath("f:kode/text()", namespaces=NS) == ["DP-HENV"]
    assert kind.xpath("f:navn/text()", namespaces=NS) == ["Henvendelse om dagpenger"]
    assert mappe.xpath("a:kassasjon/a:kassasjonshjemmel/text()", namespaces=NS) == [PLAN]
    addml = (out / "arkivuttrekk.xml").read_text()
    assert 'name="inneholderVirksomhetsspesifikkeMetadata"' in addml
    flag = etree.parse(str(out / "arkivuttrekk.xml")).xpath(
        "//*[@name='inneholderVirksomhetsspesifikkeMetadata']/*[local-name()='value']/text()"
    )
    assert flag == ["true"]
    # The case's file is still here under «Kasseres»: the extract says so.
    waiting = etree.parse(str(out / "arkivuttrekk.xml")).xpath(
        "//*[@name='inneholderDokumenterSomSkalKasseres']/*[local-name()='value']/text()"
    )
    assert waiting == ["true"]
    if VALIDATOR is None:
        pytest.skip("shared/noark5/validate.py not found beside the checkout")
    run = subprocess.run(
        [sys.executable, str(VALIDATOR), "--deep", str(out)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout
    assert "0 error(s), 0 warning(s)" in run.stdout, run.stdout


def test_tampered_case_type_ids_get_a_404_or_a_message_never_a_500(
    benefit_type, topic, case_worker, archivist, client
):
    case = journal(ThreadFactory(topic=topic, author=case_worker), archivist).case
    client.force_login(archivist)
    response = client.post(reverse("archive:case_types"), {"case_type": "1 OR 1=1"})
    assert response.status_code == 404
    response = client.post(
        reverse("archive:case_type_assign", args=[case.pk]), {"case_type": "abc"}, follow=True
    )
    assert response.status_code == 200
    assert "Velg en sakstype fra listen." in response.content.decode()
    case.refresh_from_db()
    assert case.case_type_id is None
