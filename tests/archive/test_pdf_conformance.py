"""The archived PDF checked by veraPDF, the reference PDF/A and PDF/UA validator.

veraPDF is a Java program that no registry this project uses ships (not Debian, not
PyPI, not npm), so the test runs where ``verapdf`` is on the PATH (or ``VERAPDF``
names it) and is skipped with that reason elsewhere. ``test_records`` checks the
structure tree and the XMP claims itself on every machine.
"""

import os
import shutil
import subprocess

import pytest
from django.core.files.storage import storages
from lxml import etree

from tests.archive.factories import journal
from tests.forum.factories import PostFactory, ThreadFactory

VERAPDF = os.environ.get("VERAPDF") or shutil.which("verapdf")


def _archived_pdf(tmp_path, topic, case_worker, archivist):
    thread = ThreadFactory(topic=topic, author=case_worker, title="Dagpenger og permittering")
    for _i in range(3):
        PostFactory(thread=thread, author=case_worker, body_html="<p>" + "Avsnitt. " * 60 + "</p>")
    document = journal(thread, archivist, render=None).documents.get()  # the real rendering
    path = tmp_path / "dokument.pdf"
    with storages["private"].open(document.file_name, "rb") as fh:
        path.write_bytes(fh.read())
    return path


def _verapdf(flavour: str, path) -> etree._Element:
    run = subprocess.run(
        [VERAPDF, "--flavour", flavour, "--format", "xml", str(path)],
        capture_output=True,
        timeout=300,
    )
    assert run.stdout, run.stderr.decode(errors="replace")
    return etree.fromstring(run.stdout)


def _failed_rules(report) -> list[str]:
    return [
        f"{r.get('specification')} {r.get('clause')}-{r.get('testNumber')}: "
        f"{(r.findtext('description') or '').strip()}"
        for r in report.iter("rule")
        if r.get("status") == "failed"
    ]


@pytest.mark.skipif(VERAPDF is None, reason="veraPDF is not installed (set VERAPDF or PATH)")
@pytest.mark.parametrize("flavour", ["2b", "ua1"])
def test_verapdf_finds_the_archived_pdf_compliant(flavour, tmp_path, topic, case_worker, archivist):
    path = _archived_pdf(tmp_path, topic, case_worker, archivist)
    report = _verapdf(flavour, path)
    results = list(report.iter("validationReport"))
    assert results, etree.tostring(report)[:2000]
    assert all(r.get("isCompliant") == "true" for r in results), _failed_rules(report)
