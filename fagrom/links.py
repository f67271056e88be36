"""The one site address: every link read outside the site (e-mail, feeds, exports, API) starts with it."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """``SITE_URL`` in front of a site-relative ``path`` (an absolute URL is returned as it is)."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + ("" if path.startswith("/") else "/") + path
