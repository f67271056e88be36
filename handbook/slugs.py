"""Handbook addresses in plain ASCII: ``behandling-av-soknad``, not ``behandling-av-s%C3%B8knad``.

Django's ``slugify`` drops letters that do not decompose (æ, ø) instead of spelling
them out, so the Norwegian letters are written the way people type them in URLs first.
"""

from django.utils.text import slugify

_NORWEGIAN = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "å": "a", "Å": "A"})


def ascii_slug(text: str) -> str:
    """``text`` as an ASCII slug, æ → ae, ø → o, å → a; other accents lose their marks."""
    return slugify(text.translate(_NORWEGIAN))
