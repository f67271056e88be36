import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from lxml import etree

from archive import services
from tests.archive.factories import journal
from tests.forum.factories import ThreadFactory


def _validator() -> Path | None:
    """``shared/noark5/validate.py`` beside the checkout (``../shared`` in CI) or above it."""
    if os.environ.get("NOARK5_VALIDATOR"):
        return Path(os.environ["NOARK5_VALIDATOR"])
    for parent in Path(__file__).resolve().parents[2:]:
        candidate = parent / "shared" / "noark5" / "validate.py"
        if candidate.exists():
            return candidate
    return None


VALIDATOR = _validator()


@pytest.fixture
def closed_cases(archivist, case_worker, topic):
    first = ThreadFactory(topic=topic, author=case_worker, title="Dagpenger under permittering")
    entry = journal(first, archivist)
    second = ThreadFactory(topic=topic, author=case_worker, title="Oppfølging: permittering")
    journal(second, archivist, case=entry.case)
    third = ThreadFactory(topic=topic, author=case_worker, title="Søknad fra Ola Nordmann")
    screened = journal(
        third,
        archivist,
        new_case_title="Enkeltsak",
        public_title="Søknad fra *****",
        screening_basis="offl. § 13 jf. fvl. § 13",
        screen_title=True,
        screen_names=True,
    )
    services.case_close(case=entry.case, by=archivist)
    services.case_close(case=screened.case, by=archivist)
    return entry, screened


def test_export_of_test_data_validates_with_the_shared_validator(closed_cases, tmp_path):
    out = tmp_path / "uttrekk"
    call_command("archive_export", "--out", str(out), "--no-progress")
    if VALIDATOR is None:
        pytest.skip("shared/noark5/validate.py not found beside the checkout")
    run = subprocess.run([sys.executable, str(VALIDATOR), str(out)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout
    assert "0 error(s), 0 warning(s)" in run.stdout, run.stdout


def test_screened_names_are_absent_from_offentlig_journal(closed_cases, case_worker, tmp_path):
    out = tmp_path / "uttrekk"
    call_command("archive_export", "--out", str(out), "--no-progress")
    public = (out / "offentligJournal.xml").read_text()
    assert "Ola Nordmann" not in public
    assert "Søknad fra *****" in public
    assert "offl. § 13 jf. fvl. § 13" in public
    running = (out / "loependeJournal.xml").read_text()
    assert "Søknad fra Ola Nordmann" in running
    ns = {"j": "http://www.arkivverket.no/standarder/noark5/offentligJournal"}
    names = etree.parse(str(out / "offentligJournal.xml")).xpath(
        "//j:korrespondansepartNavn/text()", namespaces=ns
    )
    assert names.count("*****") == 1
    assert case_worker.full_name in names


def _system_ids(out):
    ns = {"a": "http://www.arkivverket.no/standarder/noark5/arkivstruktur"}
    tree = etree.parse(str(out / "arkivstruktur.xml"))
    return sorted(tree.xpath("//a:systemID/text()", namespaces=ns))


def test_a_re_export_keeps_every_system_id(closed_cases, tmp_path):
    call_command("archive_export", "--out", str(tmp_path / "a"), "--no-progress")
    call_command("archive_export", "--out", str(tmp_path / "b"), "--no-progress")
    assert _system_ids(tmp_path / "a") == _system_ids(tmp_path / "b")


def test_open_cases_stay_out_and_an_empty_period_is_refused(
    archivist, case_worker, topic, tmp_path
):
    journal(ThreadFactory(topic=topic, author=case_worker), archivist)  # case still open
    with pytest.raises(CommandError, match="Ingen avsluttede saker"):
        call_command("archive_export", "--out", str(tmp_path / "x"), "--no-progress")
    with pytest.raises(CommandError, match="Ugyldig dato"):
        call_command("archive_export", "--out", str(tmp_path / "y"), "--from", "i går")


def test_the_extract_carries_retention_and_a_disposal_run_against_the_schedule(
    closed_cases, archivist, second_archivist, tmp_path, django_capture_on_commit_callbacks
):
    """Kassasjon from the schedule on class, case, entry and document; utfoertKassasjon
    after a disposal run; every file valid against the official schemas."""
    from datetime import timedelta

    from django.utils import timezone

    from archive.models import ArchiveClass, Case

    entry, screened = closed_cases
    klass = ArchiveClass.objects.create(code="F02", title="Enkeltsaker")
    services.archive_class_retention_set(
        archive_class=klass, by=archivist, decision="dispose", years=1, basis="Plan pkt. 4"
    )
    Case.objects.filter(pk=screened.case_id).update(
        archive_class=klass, closed_at=timezone.now() - timedelta(days=800)
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.disposal_approve(disposal_list=services.disposal_propose(), by=second_archivist)

    out = tmp_path / "uttrekk"
    call_command("archive_export", "--out", str(out), "--no-progress")
    ns = {"a": "http://www.arkivverket.no/standarder/noark5/arkivstruktur"}
    tree = etree.parse(str(out / "arkivstruktur.xml"))
    klasse = tree.xpath("//a:klasse[a:klasseID='F02']", namespaces=ns)[0]
    assert klasse.xpath("a:kassasjon/a:kassasjonsvedtak/text()", namespaces=ns) == ["Kasseres"]
    case = tree.xpath(f"//a:mappe[a:mappeID='{screened.case.number}']", namespaces=ns)[0]
    assert case.xpath("a:kassasjon/a:bevaringstid/text()", namespaces=ns) == ["1"]
    assert case.xpath("a:kassasjon/a:kassasjonshjemmel/text()", namespaces=ns) == ["Plan pkt. 4"]
    description = case.xpath(".//a:dokumentbeskrivelse", namespaces=ns)[0]
    assert description.xpath("a:utfoertKassasjon/a:kassertAv/text()", namespaces=ns) == [
        second_archivist.display_name
    ]
    assert not description.xpath("a:dokumentobjekt", namespaces=ns)  # the file is gone
    flags = {
        name: etree.parse(str(out / "arkivuttrekk.xml")).xpath(
            f"//*[@name='{name}']/*[local-name()='value']/text()"
        )
        for name in ("omfatterDokumenterSomErKassert", "inneholderDokumenterSomSkalKasseres")
    }
    # One file went by the plan; none still waits under «Kasseres» (F01 keeps the rest).
    assert flags == {
        "omfatterDokumenterSomErKassert": ["true"],
        "inneholderDokumenterSomSkalKasseres": ["false"],
    }
    kept = tree.xpath(f"//a:mappe[a:mappeID='{entry.case.number}']", namespaces=ns)[0]
    assert not kept.xpath("a:kassasjon", namespaces=ns)  # F01 keeps its cases
    assert kept.xpath(".//a:dokumentobjekt", namespaces=ns)
    if VALIDATOR is None:
        pytest.skip("shared/noark5/validate.py not found beside the checkout")
    run = subprocess.run(
        [sys.executable, str(VALIDATOR), "--deep", str(out)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout
    assert "0 error(s), 0 warning(s)" in run.stdout, run.stdout
