"""Regulation references in text: ``ftrl. § 8-2`` → the law's code and the section.

Pure (no database, no services): the Markdown renderer links references with it, and
``forum.services.guidance`` records the citations.
"""

import re

# Common abbreviations → (code used in URLs, how it is shown). Other words that end in
# "-loven", "-lova" or "-forskriften" are accepted as they are written.
LAWS = {
    "ftrl": ("ftrl", "folketrygdloven"),
    "folketrygdloven": ("ftrl", "folketrygdloven"),
    "fvl": ("fvl", "forvaltningsloven"),
    "forvaltningsloven": ("fvl", "forvaltningsloven"),
    "offl": ("offl", "offentleglova"),
    "offentleglova": ("offl", "offentleglova"),
    "offentlighetsloven": ("offl", "offentleglova"),
    "navl": ("navl", "NAV-loven"),
    "nav-loven": ("navl", "NAV-loven"),
    "sotjl": ("sotjl", "sosialtjenesteloven"),
    "sosialtjenesteloven": ("sotjl", "sosialtjenesteloven"),
    "aml": ("aml", "arbeidsmiljøloven"),
    "arbeidsmiljøloven": ("aml", "arbeidsmiljøloven"),
    "arkivlova": ("arkivl", "arkivlova"),
    "arkivloven": ("arkivl", "arkivlova"),
    "arkivl": ("arkivl", "arkivlova"),
    "skatteforvaltningsloven": ("sktfvl", "skatteforvaltningsloven"),
    "sktfvl": ("sktfvl", "skatteforvaltningsloven"),
}
RULE_RE = re.compile(
    r"(?P<law>[A-Za-zÆØÅæøå][A-Za-zÆØÅæøå\-]{1,40})\.?\s*§§?\s*(?P<section>\d{1,3}(?:\s*-\s*\d{1,3})?\s*[a-z]?)\b",
)
MAX_CITATIONS_PER_POST = 20


def rule_reference_for(law: str, section: str) -> tuple[str, str] | None:
    """The (law code, section) a written ``law § section`` refers to, or None if the word
    before the section sign is not a law (``ftrl``, ``forvaltningsloven``, ``…-forskriften``)."""
    word = law.lower()
    if word in LAWS:
        code = LAWS[word][0]
    elif word.endswith(("loven", "lova", "forskriften", "forskrifta")):
        code = word
    else:
        return None
    return code, re.sub(r"\s+", "", section)


# Lovdata's address of a section, for the laws whose identifier is known.
LOVDATA = {
    "ftrl": "https://lovdata.no/lov/1997-02-28-19/§{section}",
    "fvl": "https://lovdata.no/lov/1967-02-10/§{section}",
    "offl": "https://lovdata.no/lov/2006-05-19-16/§{section}",
    "navl": "https://lovdata.no/lov/2006-06-16-20/§{section}",
    "sotjl": "https://lovdata.no/lov/2009-12-18-131/§{section}",
    "aml": "https://lovdata.no/lov/2005-06-17-62/§{section}",
    "arkivl": "https://lovdata.no/lov/1992-12-04-126/§{section}",
    "sktfvl": "https://lovdata.no/lov/2016-05-27-14/§{section}",
}


def lovdata_url(reference) -> str:
    """The section on Lovdata, or "" where the law's identifier is not known here."""
    pattern = LOVDATA.get(reference.law)
    return pattern.format(section=reference.section) if pattern else ""
