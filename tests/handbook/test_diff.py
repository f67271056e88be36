from django.urls import reverse

from handbook.diff import word_diff
from tests.handbook.factories import publish_new_version, text


def test_word_diff_marks_added_and_removed_words():
    diff = word_diff(["Saken journalføres samme dag."], ["Saken journalføres innen tre dager."])
    html = str(diff.html)
    assert "<del>" in html and "samme dag.</del>" in html
    assert "<ins>" in html and "innen tre dager.</ins>" in html
    assert "Saken journalføres" in html.split("<del>")[0]
    assert diff.removed == 2 and diff.added == 3


def test_word_diff_escapes_text_and_says_what_changed_to_screen_readers():
    diff = word_diff(["a"], ["a <script>"])
    assert "&lt;script&gt;" in str(diff.html)
    assert 'class="visually-hidden">Lagt til: ' in str(diff.html)


def test_reader_sees_word_diff_between_two_versions(
    client, case_worker, handbook_editor, journal_page
):
    publish_new_version(
        journal_page, by=handbook_editor, body=text("Alle saker skal journalføres innen tre dager.")
    )
    client.force_login(case_worker)
    response = client.get(reverse("handbook:diff", args=[journal_page.pk]) + "?fra=1.0&til=1.1")
    html = response.content.decode()
    assert response.status_code == 200
    assert "samme dag.</del>" in html
    assert "innen tre dager.</ins>" in html


def test_unknown_version_in_diff_gets_a_clear_message(client, case_worker, journal_page):
    client.force_login(case_worker)
    response = client.get(reverse("handbook:diff", args=[journal_page.pk]) + "?fra=9.9")
    assert response.status_code == 400
    assert "Versjonen finnes ikke" in response.content.decode()


def test_earlier_version_can_be_opened(client, case_worker, handbook_editor, journal_page):
    publish_new_version(journal_page, by=handbook_editor, body=text("Helt ny tekst."))
    client.force_login(case_worker)
    response = client.get(reverse("handbook:version", args=[journal_page.pk, 1, 0]))
    html = response.content.decode()
    assert "samme dag" in html
    assert "tidligere versjon" in html
    assert "Helt ny tekst" not in html
