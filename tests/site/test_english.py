"""The English interface: the committed catalogue is complete and compiled, and people who
chose English get it, while Norwegian stays the default."""

import datetime
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template import engines
from django.urls import reverse
from django.utils.translation import override

from tests.people.factories import UserFactory

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")


@pytest.fixture
def english_user(department):
    return UserFactory(username="emma", full_name="Emma Smith", unit=department, language="en")


def test_person_who_chose_english_sees_english_navigation(client, english_user, open_room):
    client.force_login(english_user)
    response = client.get(reverse("forum:index"))
    body = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in body
    assert "Skip to main content" in body
    assert "Log out" in body
    assert "Hopp til hovedinnholdet" not in body
    assert "Logg ut" not in body


def test_person_who_chose_english_gets_an_english_error_on_bad_input(client, english_user, topic):
    client.force_login(english_user)
    url = reverse("forum:thread_new", args=[topic.room.slug, topic.slug])
    response = client.post(url, {"title": "  ", "kind": "discussion", "body": "My long text"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "The thread must have a title." in body
    assert "Tråden må ha en tittel." not in body
    assert "My long text" in body


def test_english_api_error_comes_in_english(client, english_user):
    client.force_login(english_user)
    response = client.get("/api/v1/threads/999999")
    assert response.status_code == 404
    assert response.json()["detail"] == "What you asked for was not found."


def test_norwegian_is_the_default_for_people_and_visitors(client, case_worker, open_room):
    login_page = client.get(reverse("login")).content.decode()
    assert '<html lang="nb">' in login_page
    assert "Logg inn i Fagrom" in login_page

    client.force_login(case_worker)
    body = client.get(reverse("forum:index")).content.decode()
    assert '<html lang="nb">' in body
    assert "Hopp til hovedinnholdet" in body
    assert "Skip to main content" not in body


def test_visitor_whose_browser_asks_for_english_gets_the_english_login_page(client, db):
    body = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Log in to Fagrom" in body


def _catalogue(entries):
    """(context, msgid) → translation(s), for comparing a .po with a .mo."""
    return {
        (e.msgctxt, e.msgid): (
            tuple(sorted(e.msgstr_plural.items())) if e.msgid_plural else e.msgstr
        )
        for e in entries
        if e.msgid  # the header
    }


def test_english_catalogue_has_no_untranslated_fuzzy_or_obsolete_entries():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert [e.msgid for e in po.obsolete_entries()] == []
    assert not po.metadata_is_fuzzy
    assert po.percent_translated() == 100


def test_english_translations_keep_every_placeholder():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    wrong = []
    for e in po.translated_entries():
        pairs = (
            [(e.msgid, e.msgstr_plural[0]), (e.msgid_plural, e.msgstr_plural[1])]
            if e.msgid_plural
            else [(e.msgid, e.msgstr)]
        )
        for source, translation in pairs:
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
                wrong.append(source)
    assert wrong == []


def test_committed_mo_file_is_compiled_from_the_current_po_file():
    """Compares contents, not bytes: msgfmt and polib lay out the hash table differently.

    polib (pure Python) reads both files, so this works on a machine without gettext.
    Run ``make messages`` when it fails.
    """
    po = polib.pofile(str(CATALOGUE / "django.po"))
    mo = polib.mofile(str(CATALOGUE / "django.mo"))
    assert _catalogue(mo) == _catalogue(po.translated_entries())


def test_language_switch_in_the_footer_changes_a_logged_in_persons_language(
    client, case_worker, open_room
):
    client.force_login(case_worker)
    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("forum:index")}, follow=True
    )
    case_worker.refresh_from_db()
    assert case_worker.language == "en"
    assert "Skip to main content" in response.content.decode()

    client.post(reverse("set_language"), {"language": "nb", "next": reverse("forum:index")})
    case_worker.refresh_from_db()
    assert case_worker.language == "nb"


def test_language_switch_ignores_an_unknown_language(client, case_worker):
    client.force_login(case_worker)
    response = client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    assert response.status_code == 302
    case_worker.refresh_from_db()
    assert case_worker.language == "nb"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("nb", "27. juli 2026 · 27. jul 2026"), ("en", "27 July 2026 · 27 Jul 2026")],
)
def test_dates_are_written_the_way_the_chosen_language_writes_them(language, expected):
    template = engines["django"].from_string(
        '{{ day|date:"DATE_FORMAT" }} · {{ day|date:"SHORT_DATE_FORMAT" }}'
    )
    with override(language):
        assert template.render({"day": datetime.date(2026, 7, 27)}) == expected
