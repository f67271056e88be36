"""Query parsing and snippets: pure functions, no database."""

from search import text


def test_reference_is_kept_as_a_phrase_and_words_as_terms():
    q = text.parse("Hva sier ftrl. § 8-2 om sykepengene?")
    assert q.phrases == (("ftrl", "8", "2"),)
    assert q.phrase_texts == ("ftrl. § 8-2",)
    assert q.terms == ("sier", "sykepengene")
    assert q.stems == ("sier", "sykepeng")


def test_quoted_text_is_a_phrase_and_stopwords_are_dropped():
    q = text.parse('"første ledd" og i på')
    assert q.phrases == (("første", "ledd"),)
    assert q.terms == ()


def test_snippet_marks_inflections_and_compounds_and_escapes_everything_else():
    q = text.parse("sykepengene håndbok")
    marked = text.snippet(
        "Les <em>personalhåndboka</em> om sykepenger & ferie.", text.highlight_patterns(q)
    )
    html = text.marked_to_html(marked)
    assert html == (
        "Les &lt;em&gt;<mark>personalhåndboka</mark>&lt;/em&gt; om <mark>sykepenger</mark> "
        "&amp; ferie."
    )


def test_control_characters_in_documents_cannot_forge_marks():
    assert text.clean("a\x02<b>\x03") == "a <b> "
    assert "<mark>" not in text.marked_to_html(text.clean("\x02x\x03"))


def test_long_text_is_cut_around_the_first_match():
    body = "innledning " * 100 + "dagpenger er svaret " + "avslutning " * 100
    snippet = text.snippet(body, text.highlight_patterns(text.parse("dagpenger")), length=120)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "\x02dagpenger\x03" in snippet
    assert len(snippet) < 140
