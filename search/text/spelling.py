"""'Mente du …?': the closest word of the index's own vocabulary, by edit distance.

Backends keep the vocabulary (every word form indexed, with how many documents
hold it) and hand over the candidates that share a first letter and are about as
long; this pass picks the closest, most frequent one. The same on every backend.
"""

from __future__ import annotations

from collections.abc import Iterable

MAX_DISTANCE = 2


def edit_distance(a: str, b: str, limit: int = MAX_DISTANCE) -> int:
    """Damerau-Levenshtein (adjacent swaps count one), cut off above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def closest(word: str, candidates: Iterable[tuple[str, int]]) -> str | None:
    """The candidate nearest ``word`` (ties: the more frequent), or None if none is near."""
    best = None
    for candidate, count in candidates:
        if candidate == word:
            return None  # the word is known: nothing to correct
        distance = edit_distance(word, candidate)
        if distance > MAX_DISTANCE or (len(word) < 6 and distance > 1):
            continue
        key = (distance, -count, candidate)
        if best is None or key < best[0]:
            best = (key, candidate)
    return best[1] if best else None
