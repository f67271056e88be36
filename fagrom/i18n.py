"""Text that is stored once and shown to many people."""

from django.conf import settings
from django.utils import translation


def site_text(message: str, params: dict | None = None) -> str:
    """``message`` (marked with ``gettext_noop``) in the site's language, filled with ``params``.

    Notifications and generated threads are saved as text and read by everyone they
    reach, so they are written in ``LANGUAGE_CODE``, never in the language of whoever
    happened to cause them (an English-speaking moderator must not send Norwegian
    colleagues English notifications).
    """
    with translation.override(settings.LANGUAGE_CODE):
        text = translation.gettext(message)
        return text % params if params is not None else text
