"""Text that is stored once and shown to many people.

Two ways to store it:

* ``site_text`` renders it once, in the site's language. For what has no single reader
  (generated threads, archive log summaries): an English-speaking moderator must not send
  Norwegian colleagues English text.
* Keep the message and its values (``message_render``), and render it when someone reads
  it, in *their* language. Notifications do this: each has exactly one reader.
"""

from django.conf import settings
from django.utils import translation

MSGID = "msgid"


def translatable(label) -> dict:
    """A parameter value that is itself translatable (a status or kind label).

    ``label`` is a (lazy) translation of a msgid; what is stored is the msgid, so it is
    translated when the message is rendered rather than frozen in one language.
    """
    with translation.override(None):  # no active language: gettext answers the msgid
        return {MSGID: str(label)}


def _param(value):
    if isinstance(value, dict):
        if set(value) != {MSGID} or not isinstance(value[MSGID], str):
            raise ValueError(f"not a translatable parameter: {value!r}")
        return translation.gettext(value[MSGID])
    if isinstance(value, list):
        raise ValueError(f"not a parameter: {value!r}")
    return value


def message_render(message: str, params: dict | None = None) -> str:
    """``message`` (a msgid) in the active language, filled with ``params``.

    Raises ``KeyError``, ``ValueError`` or ``TypeError`` when the values do not fit the
    message (or its translation); callers that show stored text catch those.
    """
    text = translation.gettext(message)
    if params is None:
        return text
    if not isinstance(params, dict):
        raise TypeError(f"parameters must be a mapping, not {type(params).__name__}")
    return text % {key: _param(value) for key, value in params.items()}


def message_render_or(fallback: str, message: str, params: dict | None = None) -> str:
    """``message_render``, or ``fallback`` when there is no message or it cannot be filled."""
    if not message:
        return fallback
    try:
        return message_render(message, params)
    except (KeyError, ValueError, TypeError):
        return fallback


def site_text(message: str, params: dict | None = None) -> str:
    """``message`` (marked with ``gettext_noop``) in the site's language, filled with ``params``."""
    with translation.override(settings.LANGUAGE_CODE):
        return message_render(message, params)
