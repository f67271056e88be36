"""Start-up checks of the site address (``manage.py check`` and the WSGI/ASGI entry points).

Links in e-mails, feeds, exports and API answers are built from ``SITE_URL``, and Wagtail's
from ``WAGTAILADMIN_BASE_URL``; a wrong or missing address sends people to
``http://localhost/…``, so production refuses to start without a usable one.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured


@checks.register("fagrom")
def check_site_url(app_configs=None, **kwargs):
    url = settings.SITE_URL
    if not getattr(settings, "PRODUCTION", False):
        return []
    errors = []
    parts = urlsplit(url or "")
    if not url:
        return [
            checks.Error(
                "SITE_URL is not set.",
                hint="Set SITE_URL to the address people use, e.g. https://fagrom.etat.no.",
                id="fagrom.E001",
            )
        ]
    # Plain http only where TLS is switched off on purpose (the compose trial on localhost).
    schemes = ("https",) if settings.SECURE_SSL_REDIRECT else ("https", "http")
    if parts.scheme not in schemes or not parts.hostname:
        errors.append(
            checks.Error(
                f"SITE_URL must be an https:// address with a host name, not {url!r}.",
                id="fagrom.E002",
            )
        )
    elif parts.path not in ("", "/") or parts.query or parts.fragment:
        errors.append(
            checks.Error(
                f"SITE_URL must not have a path, query or fragment: {url!r}.", id="fagrom.E003"
            )
        )
    elif not _host_allowed(parts.hostname):
        errors.append(
            checks.Error(
                f"SITE_URL's host {parts.hostname!r} is not in ALLOWED_HOSTS.", id="fagrom.E004"
            )
        )
    if getattr(settings, "WAGTAILADMIN_BASE_URL", None) != url:
        errors.append(checks.Error("WAGTAILADMIN_BASE_URL must equal SITE_URL.", id="fagrom.E005"))
    return errors


def _host_allowed(host: str) -> bool:
    for pattern in settings.ALLOWED_HOSTS:
        if pattern == "*" or pattern == host:
            return True
        if pattern.startswith(".") and (host == pattern[1:] or host.endswith(pattern)):
            return True
    return False


def fail_fast():
    """Run the site-address check when a server process starts; refuse to serve on an error.

    Gunicorn and uvicorn do not run ``manage.py check``, so the entry points call this.
    """
    errors = [e for e in check_site_url() if e.is_serious()]
    if errors:
        raise ImproperlyConfigured("; ".join(f"{e.id}: {e.msg}" for e in errors))
