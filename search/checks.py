"""``manage.py check`` says when compounds are split without the Hunspell word lists."""

from django.core import checks

from . import text


@checks.register()
def compound_lexicon(app_configs=None, **kwargs):
    if text.hunspell_installed():
        return []
    return [
        checks.Warning(
            "Search splits compound words with its own short list only: the Norwegian "
            "Hunspell word lists are not installed.",
            hint="Install the Debian package hunspell-no, then `manage.py search_reindex`.",
            id="search.W001",
        )
    ]
