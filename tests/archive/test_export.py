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
