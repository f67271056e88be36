"""New handbook pages get ASCII addresses: æ → ae, ø → o, å → a (never %C3%B8)."""

import re

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from handbook.models import HandbookPage
from handbook.slugs import ascii_slug


def test_norwegian_letters_are_spelled_out():
    assert ascii_slug("Behandling av søknad om tiltakspenger") == (
        "behandling-av-soknad-om-tiltakspenger"
    )
    assert ascii_slug("Årlig gjennomgang av særavtaler") == "arlig-gjennomgang-av-saeravtaler"
    assert ascii_slug("Økonomi og Æresord") == "okonomi-og-aeresord"


def test_a_page_saved_without_a_slug_gets_one_from_the_title_in_ascii(routines):
    page = HandbookPage(title="Behandling av søknad", change_summary="Ny")
    routines.add_child(instance=page)
    assert page.slug == "behandling-av-soknad"
    assert page.url.endswith("/behandling-av-soknad/")


def test_the_editor_turns_a_typed_unicode_slug_into_ascii(client, handbook_editor, routines):
    client.force_login(handbook_editor)
    url = reverse("wagtailadmin_pages:add", args=["handbook", "handbookpage", routines.pk])
    data = nested_form_data(
        {
            "title": "Klage på vedtak om særskilt støtte",
            "slug": "klage-på-vedtak-om-særskilt-støtte",
            "change_summary": "Ny side",
            "body": streamfield([("text", rich_text("<p>Tekst</p>"))]),
            "comments": inline_formset([]),
            "document_owner": handbook_editor.pk,
            "owner_unit": "",
            "review_interval_months": 12,
            "document_status": "current",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = HandbookPage.objects.get(title__startswith="Klage på vedtak")
    assert page.slug == "klage-pa-vedtak-om-saerskilt-stotte"
    assert page.slug.isascii()


def test_the_editors_slug_field_is_told_to_spell_out_letters(client, handbook_editor, routines):
    client.force_login(handbook_editor)
    url = reverse("wagtailadmin_pages:add", args=["handbook", "handbookpage", routines.pk])
    html = client.get(url).content.decode()
    slug_input = re.search(r'<input[^>]*id="id_slug"[^>]*>', html).group(0)
    # Django leaves a False attribute out; True would read data-w-slug-allow-unicode-value.
    assert 'data-controller="w-slug"' in slug_input
    assert "allow-unicode" not in slug_input
