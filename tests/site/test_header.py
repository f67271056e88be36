"""The site header: what a visitor who is not logged in is offered."""

from django.urls import reverse


def test_visitor_on_the_public_journal_gets_a_login_link_back_to_it(client, db):
    url = reverse("archive:public_journal") + "?fra=2026-01-01"
    html = client.get(url).content.decode()
    assert f'href="{reverse("login")}?next=/arkiv/offentlig-journal/%3Ffra%3D2026-01-01"' in html
    assert "Logg ut" not in html


def test_login_page_does_not_link_to_itself(client, db):
    html = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("login")}?next=' not in html
