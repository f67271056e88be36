"""Handbook pages for tests, built the way editors build them (revisions, publish)."""

import uuid

from handbook import services
from handbook.models import ChapterPage, HandbookPage
from handbook.slugs import ascii_slug


def text(*paragraphs: str) -> list[dict]:
    return [
        {
            "type": "text",
            "id": str(uuid.uuid4()),
            "value": "".join(f"<p>{p}</p>" for p in paragraphs),
        }
    ]


def section(title: str, *paragraphs: str) -> list[dict]:
    return [{"type": "heading", "id": str(uuid.uuid4()), "value": title}, *text(*paragraphs)]


def chapter(root, *, title="Saksbehandling", owner=None, publish_by=None) -> ChapterPage:
    page = ChapterPage(
        title=title,
        slug=ascii_slug(title),
        document_owner=owner,
        body=text(f"Om kapitlet {title}."),
        change_summary="Første versjon",
    )
    root.add_child(instance=page)
    if publish_by:
        page.save_revision(user=publish_by)
        services.page_publish(page=page, by=publish_by)
    return page


def handbook_page(
    parent, *, title="Journalføring", owner=None, body=None, publish_by=None, units=()
) -> HandbookPage:
    page = HandbookPage(
        title=title,
        slug=ascii_slug(title),
        document_owner=owner,
        owner_unit=owner.org_unit if owner else None,
        body=body if body is not None else text("Alle saker skal journalføres samme dag."),
        change_summary="Første versjon",
    )
    parent.add_child(instance=page)
    if units:
        page.required_for_units.set(units)
        page.save()
    if publish_by:
        page.save_revision(user=publish_by)
        services.page_publish(page=page, by=publish_by)
        page.refresh_from_db()
    return page


def draft(page, *, by, body=None, summary="Oppdatert tekst", title=None):
    """Save a new draft revision of ``page`` as ``by`` would in the editor."""
    latest = page.get_latest_revision_as_object()
    if body is not None:
        latest.body = body
    if title:
        latest.title = title
    latest.change_summary = summary
    return latest.save_revision(user=by)


def publish_new_version(page, *, by, body, summary="Oppdatert tekst", major=False):
    draft(page, by=by, body=body, summary=summary)
    version = services.page_publish(page=page, by=by, major=major)
    page.refresh_from_db()
    return version


def restrict(page, *, groups=(), kind="groups", password=""):
    """Make ``page`` (and the pages below it) private, as Wagtail's "Privacy" modal does."""
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction(page=page, restriction_type=kind, password=password)
    restriction.save()
    restriction.groups.set(groups)
    return restriction
