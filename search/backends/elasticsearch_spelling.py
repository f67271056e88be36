"""Elasticsearch "Mente du …?": the phrase suggester over the words as written.

Asked only when a search finds nothing (as the database backends do). The direct
generator proposes, for each word of the query, terms of the index's own vocabulary
within two edits (``body.words``: the standard analysis, no stemming, so a proposal
is a word as people write it). A proposal is offered only when its ``collate`` query,
run with the person's principals, finds a document they may see; so a word that is
only in a closed room never shows, as on the database backends.
"""

from __future__ import annotations

from collections.abc import Set

from elasticsearch.dsl import Search

SUGGESTION = "did_you_mean"
FIELD = "body.words"
MIN_WORD = 4  # as the database backends: shorter words are not corrected


def build_did_you_mean(text: str, principals: Set[str], index: str) -> Search:
    """A request with no hits (``size`` 0), only the phrase suggestion for ``text``."""
    collate = {
        "bool": {
            "filter": [
                {"match": {FIELD: {"query": "{{suggestion}}", "operator": "and"}}},
                {"terms": {"principals": sorted(principals)}},
            ]
        }
    }
    suggestion = {
        "field": FIELD,
        "size": 1,
        "gram_size": 1,
        "max_errors": 2,
        "confidence": 0.0,  # the collate query decides; the score only orders
        "direct_generator": [
            {
                "field": FIELD,
                "suggest_mode": "always",
                "min_word_length": MIN_WORD,
                "max_edits": 2,
                "prefix_length": 2,  # as the database backends: the first letters stay
            }
        ],
        "collate": {"query": {"source": collate}, "prune": False},
    }
    return (
        Search(index=index)
        .extra(size=0, track_total_hits=False)
        .suggest(SUGGESTION, text, phrase=suggestion)
    )


def corrected_text(response, original: str) -> str | None:
    """The first proposal the collate query confirmed, if it differs from the query."""
    try:
        entries = response.suggest[SUGGESTION]
    except (AttributeError, KeyError):
        return None
    for entry in entries:
        for option in entry.options:
            proposal = option.text.strip()
            if proposal and proposal != original.strip().lower():
                return proposal
    return None
