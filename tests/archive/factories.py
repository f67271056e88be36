"""Archive test helpers: journaling through the real services (fast fake PDF by default)."""

from datetime import date

from archive import services
from archive.models import ArchiveClass, Nomination

FAKE_PDF = b"%PDF-1.7\n% fake archival document for tests\n%%EOF\n"


def fake_render(thread, *, frozen_at=None, stamp=None, include_removed=False) -> bytes:
    """Bytes that depend on the thread's current text, like the real rendering."""
    text = "\n".join(thread.posts.order_by("position").values_list("body", flat=True))
    return FAKE_PDF + text.encode()


def default_class():
    return ArchiveClass.objects.get(code="F01")


def nominate(thread, by, reason="Veiledning med betydning for praksis"):
    return services.nomination_create(thread=thread, by=by, reason=reason)


def details(unit, **overrides):
    values = {
        "title": "Forumtråd om dagpenger",
        "document_date": date(2026, 3, 2),
        "type": "X",
        "responsible_unit": unit,
    }
    values.update(overrides)
    return services.EntryDetails(**values)


def journal(
    thread,
    archivist,
    *,
    case=None,
    new_case_title="Veiledning om dagpenger",
    render=fake_render,
    nomination=None,
    include_removed=False,
    **detail_overrides,
):
    nomination = (
        nomination
        or Nomination.objects.filter(thread=thread, status=Nomination.Status.PENDING).first()
        or nominate(thread, archivist)
    )
    new_case = None
    if case is None:
        new_case = services.NewCase(title=new_case_title, archive_class=default_class())
    return services.thread_journal(
        nomination=nomination,
        by=archivist,
        details=details(archivist.org_unit, **{"title": thread.title, **detail_overrides}),
        case=case,
        new_case=new_case,
        render=render,
        include_removed=include_removed,
    )
