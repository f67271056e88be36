"""Query parsing and snippets: pure functions, no database."""

import pytest

from search import text
from search.text import analysis


def test_reference_becomes_one_token_and_words_stay_terms():
    q = text.parse("Hva sier ftrl. § 8-2 om sykepengene?")
    assert [r.tokens for r in q.references] == [("ref_ftrl_8_2", "ref_8_2", "ref_ftrl_kap_8")]
    assert q.terms == ("sier", "sykepengene")
    assert q.groups[0] == (("ref_ftrl_8_2",),)


def test_every_spelling_of_a_reference_gives_the_same_tokens():
    forms = [
        "ftrl. § 8-2",
        "folketrygdloven § 8-2",
        "ftrl 8-2",
        "FTRL.§8-2",
        "§ 8-2 i folketrygdloven",
        "folketrygdlova § 8 - 2",
    ]
    assert {text.parse(f).groups for f in forms} == {((("ref_ftrl_8_2",),),)}
    assert text.parse("fvl. § 11").groups == text.parse("forvaltningsloven § 11").groups
    assert text.parse("ftrl kap. 8").groups == ((("ref_ftrl_kap_8",),),)
    assert text.parse("§ 8-20").groups == ((("ref_8_20",),),)


def test_law_table_extensions_are_recognised():
    table = text.LawTable({**text.DEFAULT_LAWS, "finfl": ("finansforetaksloven",)})
    assert text.parse("finansforetaksloven § 13-1", table).groups == ((("ref_finfl_13_1",),),)


def test_quoted_text_is_a_pair_of_neighbours_and_stopwords_are_dropped():
    q = text.parse('"klage på vedtak" og i på')
    assert q.phrases == (("klage", "på", "vedtak"),)
    assert q.groups == ((("klag_vedtak",),),)
    assert q.terms == ()
    assert "klag_vedtak" in text.index_tokens("Hun sendte klage på vedtaket i går.")


def test_compounds_split_into_known_parts():
    assert text.split_compound("permitteringsperioden") == ("permittering", "perioden")
    assert text.split_compound("klagefrist") == ("klage", "frist")
    assert text.split_compound("sykepengegrunnlaget") == ("sykepenge", "grunnlaget")
    assert text.split_compound("personalhåndboka") == ("personal", "håndboka")
    assert text.split_compound("vedtak") == ()
    assert text.split_compound("permittering") == ()  # a part itself, not "per|mitte|ring"


def test_a_linking_s_stays_with_the_first_part():
    """Hunspell knows "sloven" (a form of "slov"), so "forvaltning|sloven" was a split."""
    assert text.split_compound("forvaltningsloven") == ("forvaltning", "loven")
    assert text.split_compound("sykdomsfravær") == ("sykdom", "fravær")
    assert text.split_compound("forvaltningssaker") == ("forvaltning", "saker")
    assert "slov" not in analysis.index_parts("forvaltningsloven")


def test_a_compound_query_is_the_word_or_all_its_parts():
    assert text.parse("permitteringsperioden").groups == (
        (("permitteringsperiod",), ("permittering", "period")),
    )
    tokens = text.index_tokens("Permittering i en lang periode")
    assert {"permittering", "period"} <= set(tokens)


def test_nynorsk_and_bokmal_forms_meet_in_one_token():
    assert text.word_analysis("sjukepengane")[0] == text.word_analysis("sykepenger")[0]
    assert text.word_analysis("arbeidsgjevaren")[0] == text.word_analysis("arbeidsgiver")[0]
    assert text.word_analysis("handboka")[0] == text.word_analysis("håndbok")[0]


def test_closest_word_is_offered_for_a_misspelling():
    vocabulary = [("dagpenger", 900), ("dagpengene", 300), ("dagsenter", 2)]
    assert text.closest("dagpeneger", vocabulary) == "dagpenger"
    assert text.closest("dagbøker", vocabulary) is None  # too far
    assert text.closest("dagpenger", vocabulary) is None  # known already
    assert text.edit_distance("klagefirst", "klagefrist") == 1  # a swap counts once


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


def test_the_compound_lexicon_is_read_once_and_then_loaded_from_var(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    analysis.lexicon.cache_clear()
    try:
        first = analysis.lexicon()
        cached = analysis._lexicon_cache_file()
        assert cached.parent == tmp_path / "cache" and cached.exists()
        analysis.lexicon.cache_clear()
        assert analysis.lexicon() == first  # from the file this time
        cached.write_bytes(b"cut short")  # a damaged file is read past, then replaced
        analysis.lexicon.cache_clear()
        assert analysis.lexicon() == first
        assert "forvaltning" in first and "periode" in first
    finally:
        analysis.lexicon.cache_clear()


def test_the_compact_lexicon_knows_exactly_the_words_it_was_made_of():
    words = {"forvaltning", "periode", "permittering", "lønn", "sak"}
    lexicon = analysis.Lexicon.of(words)
    assert all(w in lexicon for w in words)
    assert not any(w in lexicon for w in ("forvaltnin", "perioder", "lønnn", "", "Sak"))
    assert 42 not in lexicon
    assert analysis.Lexicon.from_bytes(lexicon.to_bytes()) == lexicon
    assert len(lexicon) == len(words)


@pytest.mark.skipif(not analysis.hunspell_installed(), reason="hunspell-no not installed")
def test_the_full_lexicon_takes_a_tenth_of_a_set_of_its_words():
    import sys

    words = analysis._read_lexicon()
    as_set = sys.getsizeof(words) + sum(sys.getsizeof(w) for w in words)
    compact = len(analysis.Lexicon.of(words).to_bytes())
    assert len(words) > 100_000
    assert compact * 10 < as_set
