"""Norwegian text for search: one analysis for index and query, on every backend.

* ``analysis``: words, stems, nynorsk → bokmål, compound splitting (Hunspell lexicon).
* ``laws``: legal references and the law-name table ("ftrl." = "folketrygdloven").
* ``query``: a document's index tokens and a query's groups of tokens.
* ``snippets``: highlights and snippets, escaped.
* ``spelling``: "Mente du …?" from the index's own vocabulary.
"""

from .analysis import (
    NYNORSK_TO_BOKMAL,
    STOPWORDS,
    bokmal,
    content_words,
    hunspell_installed,
    lexicon,
    split_compound,
    stem,
    word_analysis,
    words,
)
from .laws import DEFAULT_LAWS, LawTable, Reference, default_table
from .query import ParsedQuery, clean, index_tokens, parse, with_term_replaced
from .snippets import (
    MARK_END,
    MARK_START,
    MIN_COMPOUND_STEM,
    Highlight,
    first_match,
    highlight_patterns,
    mark,
    marked_to_html,
    snippet,
)
from .spelling import closest, edit_distance

__all__ = [
    "DEFAULT_LAWS",
    "MARK_END",
    "MARK_START",
    "MIN_COMPOUND_STEM",
    "NYNORSK_TO_BOKMAL",
    "STOPWORDS",
    "Highlight",
    "LawTable",
    "ParsedQuery",
    "Reference",
    "bokmal",
    "clean",
    "closest",
    "content_words",
    "default_table",
    "edit_distance",
    "first_match",
    "highlight_patterns",
    "hunspell_installed",
    "index_tokens",
    "lexicon",
    "mark",
    "marked_to_html",
    "parse",
    "snippet",
    "split_compound",
    "stem",
    "with_term_replaced",
    "word_analysis",
    "words",
]
