"""«Lest og forstått»: confirmations per version; a major version asks again."""

from django.urls import reverse

from handbook import services
from tests.handbook.factories import handbook_page, publish_new_version, text


def required_page(routines, owner, editor, department):
    return handbook_page(
        routines, title="Taushetsplikt", owner=owner, publish_by=editor, units=[department]
    )


def test_reader_confirms_current_version(
    client, case_worker, page_owner, handbook_editor, routines, department
):
    page = required_page(routines, page_owner, handbook_editor, department)
    client.force_login(case_worker)
    html = client.get(page.url).content.decode()
    assert "Jeg har lest og forstått versjon 1.0" in html
    response = client.post(reverse("handbook:confirm", args=[page.pk]))
    assert response.status_code == 302
    html = client.get(page.url).content.decode()
    assert "Du bekreftet versjon 1.0" in html


def test_major_version_resets_read_confirmations(
    case_worker, colleague, page_owner, handbook_editor, routines, department
):
    page = required_page(routines, page_owner, handbook_editor, department)
    services.reading_confirm(page=page, user=case_worker)

    publish_new_version(page, by=handbook_editor, body=text("Liten rettelse."))
    status = services.reading_status(page=page)
    assert case_worker in [p for p, _ in status["confirmed"]]  # a minor version keeps it

    publish_new_version(page, by=handbook_editor, body=text("Ny rutine."), major=True)
    status = services.reading_status(page=page)
    assert status["confirmed"] == []
    assert {case_worker, colleague, page_owner} <= set(status["missing"])


def test_reader_sees_what_changed_since_the_version_they_confirmed(
    client, case_worker, page_owner, handbook_editor, routines, department
):
    page = required_page(routines, page_owner, handbook_editor, department)
    services.reading_confirm(page=page, user=case_worker)
    publish_new_version(page, by=handbook_editor, body=text("Ny rutine."), major=True)
    client.force_login(case_worker)
    html = client.get(page.url).content.decode()
    assert "ny hovedversjon (2.0) siden du bekreftet versjon 1.0" in html
    assert "?fra=1.0&amp;til=2.0" in html


def test_owner_sees_who_has_and_has_not_confirmed(
    client, case_worker, colleague, page_owner, handbook_editor, routines, department
):
    page = required_page(routines, page_owner, handbook_editor, department)
    services.reading_confirm(page=page, user=case_worker)
    client.force_login(page_owner)
    response = client.get(reverse("handbook:confirmations", args=[page.pk]))
    html = response.content.decode()
    confirmed, missing = (
        html.split("Har bekreftet</caption>")[1],
        html.split("Har bekreftet</caption>")[0],
    )
    assert "Kari Nordmann" in confirmed
    assert "Jonas Berg" in missing


def test_case_worker_cannot_see_the_confirmation_list(
    client, case_worker, page_owner, handbook_editor, routines, department
):
    page = required_page(routines, page_owner, handbook_editor, department)
    client.force_login(case_worker)
    assert client.get(reverse("handbook:confirmations", args=[page.pk])).status_code == 403


def test_outsider_is_not_asked_to_confirm(
    client, outsider, page_owner, handbook_editor, routines, department
):
    page = required_page(routines, page_owner, handbook_editor, department)
    client.force_login(outsider)
    assert "Jeg har lest og forstått" not in client.get(page.url).content.decode()
