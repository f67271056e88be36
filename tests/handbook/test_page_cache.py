"""A handbook page's shared parts (contents, versions, owner) are kept while nothing
changes, per reader class: a new version shows at once, a private page never reaches a
reader who may not read it through what another reader's request left in the cache."""

from django.test import Client

from tests.handbook.factories import chapter, handbook_page, publish_new_version, restrict, text
from tests.people.factories import UserFactory


def page_html(user, page):
    client = Client()
    client.force_login(user)
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_version_shows_on_the_next_request(routines, case_worker, handbook_editor):
    page = handbook_page(
        routines, title="Journalføring", owner=handbook_editor, publish_by=handbook_editor
    )
    assert "1.1" not in page_html(case_worker, page)
    publish_new_version(page, by=handbook_editor, body=text("Ny tekst om journalføring."))
    html = page_html(case_worker, page)
    assert "Ny tekst om journalføring." in html and "1.1" in html


def test_contents_kept_for_one_reader_class_never_show_a_private_page_to_another(
    handbook, routines, case_worker, handbook_editor, hr_group, department
):
    page = handbook_page(
        routines, title="Offentlig rutine", owner=handbook_editor, publish_by=handbook_editor
    )
    private = chapter(
        handbook, title="Personalsaker", owner=handbook_editor, publish_by=handbook_editor
    )
    restrict(private, groups=[hr_group])
    hr_lead = UserFactory(username="hrleder", full_name="Hanne Rud", unit=department)
    hr_lead.groups.add(hr_group)
    assert "Personalsaker" in page_html(hr_lead, page)  # their contents, now in the cache
    assert "Personalsaker" not in page_html(case_worker, page)
    # And the other way round: a member after a non-member.
    assert "Personalsaker" in page_html(hr_lead, page)
