"""Handbook pages are found in one lookup by their address, with Wagtail's rules kept:
only the page at the end must be live, and an unknown or unpublished address is a 404."""

from django.test import Client

from tests.handbook.factories import chapter, handbook_page


def get(user, url):
    client = Client()
    client.force_login(user)
    return client.get(url)


def test_a_live_page_two_levels_down_is_served(routines, case_worker, handbook_editor):
    page = handbook_page(
        routines, title="Journalføring", owner=handbook_editor, publish_by=handbook_editor
    )
    response = get(case_worker, page.url)
    assert response.status_code == 200 and "Journalføring" in response.content.decode()


def test_an_unpublished_page_and_an_unknown_address_are_404(
    handbook, routines, case_worker, handbook_editor
):
    draft = handbook_page(routines, title="Utkast til rutine", owner=handbook_editor)
    draft.unpublish()
    assert get(case_worker, f"{routines.url}utkast-til-rutine/").status_code == 404
    assert not draft.live
    assert get(case_worker, f"{routines.url}finnes-ikke/").status_code == 404
    assert get(case_worker, f"{handbook.url}finnes/ikke/").status_code == 404


def test_a_live_page_under_an_unpublished_chapter_is_served_as_wagtail_does(
    handbook, case_worker, handbook_editor
):
    unpublished = chapter(handbook, title="Nytt kapittel", owner=handbook_editor)
    unpublished.unpublish()
    page = handbook_page(
        unpublished, title="Tidlig rutine", owner=handbook_editor, publish_by=handbook_editor
    )
    assert get(case_worker, f"{handbook.url}nytt-kapittel/").status_code == 404
    assert get(case_worker, f"{handbook.url}nytt-kapittel/tidlig-rutine/").status_code == 200
    assert page.live
