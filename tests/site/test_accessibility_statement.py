from django.urls import reverse


def test_accessibility_statement_is_public_and_names_the_standard_and_the_authority(client, db):
    response = client.get("/tilgjengelighet/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Tilgjengelighetserklæring for Fagrom" in text
    assert "WCAG 2.1" in text
    assert "axe-core" in text
    assert "Kjente begrensninger" in text
    assert "https://www.uutilsynet.no/" in text


def test_accessibility_statement_is_linked_from_every_page_footer(client, db):
    response = client.get(reverse("login"))
    assert f'href="{reverse("accessibility_statement")}"' in response.content.decode()


def test_accessibility_statement_gives_the_contact_address_when_configured(client, db, settings):
    settings.ACCESSIBILITY_CONTACT_EMAIL = "uu@nav.example"
    response = client.get(reverse("accessibility_statement"))
    assert 'href="mailto:uu@nav.example"' in response.content.decode()
