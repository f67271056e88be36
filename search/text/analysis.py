"""Norwegian words as index tokens: the same analysis for every backend.

A word becomes

* its Snowball stem after the nynorsk → bokmål table (``sjukepengane`` → ``sykepeng``);
* the stems of its compound parts (``permitteringsperioden`` → ``permitter``,
  ``period``), found in a lexicon: Debian's Hunspell word list (``hunspell-no``,
  bokmål and nynorsk) when installed, plus ``search/data/compound_parts_nb.txt``;
* and, between neighbouring words, a pair token (``klag_vedtak``) so that quoted
  phrases match without positions.

The database backends and Elasticsearch index these tokens, so a query means the
same everywhere. A change to the lexicon or the tables needs ``search_reindex``.
"""

from __future__ import annotations

import array
import bisect
import functools
import hashlib
import os
import re
from pathlib import Path

import snowballstemmer

DATA = Path(__file__).resolve().parent.parent / "data"
COMPOUND_PARTS_FILE = DATA / "compound_parts_nb.txt"
HUNSPELL_FILES = (Path("/usr/share/hunspell/nb_NO.dic"), Path("/usr/share/hunspell/nn_NO.dic"))

# Frequent Norwegian function words (a subset of Snowball's list, which PostgreSQL's
# "norwegian" configuration also drops): searching for them finds everything.
STOPWORDS = frozenset(
    """
    og i jeg det at en et den til er som på de med han av ikke ikkje der så var meg seg men
    ett har om vi min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan
    hans hvor eller hva skal selv sjøl her alle vil bli ble blei blitt kunne inn når være
    kom noen noe ville dere som deres kun ja etter ned skulle denne for deg si sine sitt
    mot å meget hvorfor dette disse uten hvordan ingen din ditt blir samme hvilken hvilke
    sånn inni mellom vår hver hvem vors hvis både bare enn fordi før mange også slik vært
    være båe begge siden dykk dykkar dei deira deires deim di då eg ein eit eitt elles
    """.split()
)

# Nynorsk → bokmål for the domain vocabulary: whole words and compound parts.
# Inflected forms follow from the stemmer (both sides are stemmed after mapping).
NYNORSK_TO_BOKMAL: dict[str, str] = {
    "sjuk": "syk",
    "sjuke": "syke",
    "sjukepengar": "sykepenger",
    "sjukepengane": "sykepengene",
    "sjukmelding": "sykmelding",
    "sjukemelding": "sykmelding",
    "sjukmeldt": "sykmeldt",
    "dagpengar": "dagpenger",
    "dagpengane": "dagpengene",
    "pengar": "penger",
    "pengane": "pengene",
    "arbeidsgjevar": "arbeidsgiver",
    "arbeidsgjevaren": "arbeidsgiveren",
    "gjevar": "giver",
    "arbeidstakar": "arbeidstaker",
    "takar": "taker",
    "saksbehandlar": "saksbehandler",
    "behandlar": "behandler",
    "handbok": "håndbok",
    "handboka": "håndboka",
    "kvalitetshandbok": "kvalitetshåndbok",
    "eigenmelding": "egenmelding",
    "eigen": "egen",
    "fråvær": "fravær",
    "fråvere": "fravær",
    "vedtaket": "vedtaket",
    "avgjerd": "avgjørelse",
    "avgjerda": "avgjørelsen",
    "løyve": "tillatelse",
    "søknaden": "søknaden",
    "stønaden": "stønaden",
    "verksemd": "virksomhet",
    "verksemda": "virksomheten",
    "tilsett": "ansatt",
    "tilsette": "ansatte",
    "arbeidsløyse": "arbeidsledighet",
    "arbeidsledig": "arbeidsledig",
    "heimekontor": "hjemmekontor",
    "heime": "hjemme",
    "teneste": "tjeneste",
    "tenesta": "tjenesten",
    "uførestønad": "uføretrygd",
    "utbetalinga": "utbetalingen",
    "klagefristen": "klagefristen",
    "rettleiing": "veiledning",
    "rettleiar": "veileder",
    "opplysningar": "opplysninger",
    "spørsmål": "spørsmål",
    "korleis": "hvordan",
    "kva": "hva",
    "kven": "hvem",
    "berre": "bare",
    "medan": "mens",
    "frå": "fra",
    "òg": "også",
    "ynskje": "ønske",
    "tilbakebetaling": "tilbakebetaling",
    "tilbakekrevjing": "tilbakekreving",
    "krevjing": "kreving",
    "permisjon": "permisjon",
    "lønn": "lønn",
    "løn": "lønn",
    "ferie": "ferie",
    "feriepengar": "feriepenger",
    "foreldrepengar": "foreldrepenger",
    "pleiepengar": "pleiepenger",
    "omsorgspengar": "omsorgspenger",
    "tiltakspengar": "tiltakspenger",
    "arbeidsavklaringspengar": "arbeidsavklaringspenger",
    "attføringspengar": "attføringspenger",
}

WORD_RE = re.compile(r"\w+", re.UNICODE)
MIN_COMPOUND = 8  # shorter words are not split
# Per-word results kept per process: bounded, so a long-running worker indexing a large
# vocabulary does not grow without end (a word's analysis is ~1 kB with its parts).
WORD_CACHE = 100_000
MIN_PART = 4  # "per", "mel", "kar" inside words are rarely parts
LINKING = ("s", "e")
# Endings a last part may carry ("perioden" → periode, "grunnlaget" → grunnlag).
TAIL_ENDINGS = ("", "e", "en", "et", "a", "ene", "er", "ane", "ar", "ne", "n", "t", "r", "ar")
# Endings after which Norwegian joins with a linking "s" ("forvaltnings|loven",
# "sykdoms|fravær"): a cut that hands that "s" to the next part ("forvaltning|sloven")
# reads a word that is not there, even when the rest happens to be one.
S_LINKED_ENDINGS = ("ing", "het", "else", "sjon", "dom", "skap", "tet", "nad")
# Derived heads: "permitterings" → permittere.
HEAD_DERIVATIONS = (("ing", "e"), ("ing", ""), ("else", "e"), ("het", ""))


@functools.cache
def _stemmer():
    return snowballstemmer.stemmer("norwegian")


@functools.lru_cache(maxsize=WORD_CACHE)
def stem(word: str) -> str:
    """The Snowball stem, taken twice: once removes only the last ending, so
    "arbeidsgiveren" would stay "arbeidsgiver" while "arbeidsgiver" becomes "arbeidsgiv"."""
    stemmer = _stemmer()
    return stemmer.stemWord(stemmer.stemWord(word.lower()))


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD_RE.findall(text)]


def bokmal(word: str) -> str:
    return NYNORSK_TO_BOKMAL.get(word, word)


@functools.cache
def curated_parts() -> frozenset[str]:
    lines = COMPOUND_PARTS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


class Lexicon:
    """A set of words that answers ``word in lexicon`` in 3 MB instead of 47.

    Hunspell's lists give ~400 000 words; as a ``frozenset`` of ``str`` they cost every
    web worker 47 MB once it has answered a search. Kept here as the sorted 64-bit
    BLAKE2b digests of the words in one ``array``, looked up by bisection: ~4 µs a
    lookup instead of ~0.3, which a query (a few hundred lookups) does not notice and
    a full reindex of a large vocabulary pays in seconds. A false "known" needs two of
    the words' 64-bit digests to collide (odds ~10⁻⁸ over the whole list, and then
    it only splits one word differently). The stdlib has no compact string set, and
    the digests keep the cache file small and fast to load.
    """

    __slots__ = ("_digests",)

    def __init__(self, digests: array.array):
        self._digests = digests

    @classmethod
    def of(cls, words) -> Lexicon:
        return cls(array.array("Q", sorted({_digest(w) for w in words})))

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        key, digests = _digest(word), self._digests
        at = bisect.bisect_left(digests, key)
        return at < len(digests) and digests[at] == key

    def __len__(self) -> int:
        return len(self._digests)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lexicon) and self._digests == other._digests

    __hash__ = None  # mutable array inside: not a dict key

    def to_bytes(self) -> bytes:
        return self._digests.tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Lexicon:
        if len(data) % 8:
            raise ValueError("not a lexicon")
        digests = array.array("Q")
        digests.frombytes(data)
        return cls(digests)


def _digest(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


@functools.cache
def lexicon() -> Lexicon:
    """Words that can be parts of compounds: Hunspell's lists when installed, plus ours.

    Reading the Hunspell lists (570 000 lines) cost every process 0.6–1.6 s on its first
    search; the lexicon is kept in ``VAR_DIR/cache/`` (3 MB, a few ms to load) under a
    name made from the source files' sizes and times and the tables, so a changed
    dictionary or table is read afresh. Without a writable ``VAR_DIR`` it is read as before.
    """
    cached = _lexicon_cache_file()
    if cached is not None:
        try:
            return Lexicon.from_bytes(cached.read_bytes())
        except (OSError, ValueError):
            pass
    found = Lexicon.of(_read_lexicon())
    if cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(found.to_bytes())
            os.replace(partial, cached)  # atomic: a parallel process reads all or nothing
        except OSError:
            pass
    return found


def _read_lexicon() -> set[str]:
    found = set(curated_parts()) | set(NYNORSK_TO_BOKMAL) | set(NYNORSK_TO_BOKMAL.values())
    for path in HUNSPELL_FILES:
        if not path.exists():
            continue
        with path.open(encoding="iso-8859-1") as lines:
            next(lines, None)  # the first line is the number of entries
            for line in lines:
                word = line.split("/", 1)[0].strip()
                if MIN_PART <= len(word) <= 16 and word.isalpha() and word.islower():
                    found.add(word)
    return found


LEXICON_FORMAT = 2  # raise when _read_lexicon or the file format changes


def _lexicon_cache_file() -> Path | None:
    try:
        from django.conf import settings

        var_dir = getattr(settings, "VAR_DIR", None)
    except Exception:  # noqa: BLE001 - no Django settings: no cache, nothing else changes
        return None
    if var_dir is None:
        return None
    stamp = [LEXICON_FORMAT, MIN_PART, sorted(NYNORSK_TO_BOKMAL.items())]
    for path in (COMPOUND_PARTS_FILE, *HUNSPELL_FILES):
        stat = path.stat() if path.exists() else None
        stamp.append((str(path), stat and stat.st_size, stat and stat.st_mtime_ns))
    digest = hashlib.sha256(repr(stamp).encode()).hexdigest()[:16]
    return Path(var_dir) / "cache" / f"lexicon-{digest}.bin"


def hunspell_installed() -> bool:
    return any(path.exists() for path in HUNSPELL_FILES)


def _known_tail(tail: str, lex: Lexicon) -> bool:
    for ending in TAIL_ENDINGS:
        if ending and not tail.endswith(ending):
            continue
        base = tail[: len(tail) - len(ending)] if ending else tail
        if len(base) >= MIN_PART and (base in lex or base + "e" in lex):
            return True
    return False


def _head_parts(head: str, lex: Lexicon, depth: int) -> tuple[list[str], bool] | None:
    """The head's parts (linking letter dropped), and whether it had one."""
    candidates = [(head, False)]
    if head.endswith(LINKING) and len(head) > 3:
        candidates.append((head[:-1], True))
    for word, linked in candidates:
        if word in lex:
            return [word], linked
        for ending, replacement in HEAD_DERIVATIONS:
            if word.endswith(ending) and (word[: -len(ending)] + replacement) in lex:
                return [word], linked
    if depth > 0:
        for word, linked in candidates:
            parts = split_compound(word, depth=depth - 1)
            if parts:
                return list(parts), linked
    return None


@functools.lru_cache(maxsize=WORD_CACHE)
def split_compound(word: str, depth: int = 2) -> tuple[str, ...]:
    """The parts of a compound, in their base forms (``()`` when it is not one).

    Of the ways to cut the word into a known last part (Norwegian compounds inflect
    at their last part) and a known first part (a word with or without a linking
    ``s``/``e``, or a compound itself), the most balanced wins, a linking letter
    kept with the first part ("forvaltnings|loven", not "forvaltning|sloven").
    Words of the curated part list are never split ("permittering").
    """
    if len(word) < MIN_COMPOUND or not word.isalpha() or word in curated_parts():
        return ()
    lex = lexicon()
    best = None
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        if not _known_tail(tail, lex):
            continue
        found = _head_parts(head, lex, depth)
        if not found:
            continue
        parts, linked = found
        direct = tail in lex
        score = min(len(head), len(tail)) + linked + direct - (len(parts) - 1)
        if _linking_s_taken(head, tail, lex):
            continue
        if best is None or score >= best[0]:
            best = (score, (*parts, tail))
    return best[1] if best else ()


def _linking_s_taken(head: str, tail: str, lex: Lexicon) -> bool:
    """The cut gives the tail a linking "s" that belongs to the head."""
    return (
        head.endswith(S_LINKED_ENDINGS)
        and tail.startswith("s")
        and len(tail) > MIN_PART
        and _known_tail(tail[1:], lex)
    )


@functools.lru_cache(maxsize=WORD_CACHE)
def word_analysis(word: str) -> tuple[str, tuple[str, ...]]:
    """(the word's stem, the stems of its compound parts) after nynorsk → bokmål."""
    word = bokmal(word.lower())
    parts = tuple(stem(bokmal(p)) for p in split_compound(word))
    whole = stem(word)
    return whole, tuple(p for p in parts if p != whole)


@functools.lru_cache(maxsize=WORD_CACHE)
def index_parts(word: str) -> tuple[str, ...]:
    """The part stems a document is indexed with: the query's, plus a first part without
    its linking letter when that is a word too ("saks" → also "sak")."""
    whole, parts = word_analysis(word)
    split = split_compound(bokmal(word.lower()))
    extra = []
    if split and split[0].endswith(LINKING) and split[0][:-1] in lexicon():
        extra.append(stem(split[0][:-1]))
    return tuple(dict.fromkeys([*parts, *(e for e in extra if e != whole)]))


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS]


def pair(left: str, right: str) -> str:
    return f"{left}_{right}"
