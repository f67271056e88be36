from handbook.diff import word_diff


def test_headings_stay_headings_in_the_diff():
    old = [("h2", "Journalføring"), ("h3", "Frister"), ("p", "Saken journalføres samme dag.")]
    new = [("h2", "Journalføring"), ("h3", "Frister"), ("p", "Saken journalføres innen tre dager.")]
    diff = word_diff(old, new)
    assert "<h2>Journalføring</h2>" in diff.html
    assert "<h3>Frister</h3>" in diff.html
    assert "<p>Saken journalføres" in diff.html and "<ins>" in diff.html
    assert (diff.added, diff.removed) == (3, 2)


def test_a_new_heading_is_shown_as_an_added_heading():
    diff = word_diff([("p", "Tekst.")], [("h3", "Ny del"), ("p", "Tekst.")])
    assert diff.html.startswith("<h3><ins>")
    assert diff.added == 2 and diff.removed == 0


def test_element_names_come_only_from_the_allow_list():
    diff = word_diff([("script", "a")], [("script", "b")])
    assert "<script" not in diff.html and diff.html.startswith("<p>")
