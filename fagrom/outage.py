"""Dependency outages: a 503 with ``Retry-After`` instead of a 500, and one log line per outage.

When PostgreSQL or Redis goes away, every request fails the same way. Django
would answer each with a 500 page (HTML even for the API) and log a traceback
per request; this module is the one place that recognises such a failure
(``is_outage``), answers 503 with ``Retry-After`` — a short page, or
``{"detail": …}`` under ``/api/`` — and logs one line per dependency per
``OUTAGE_LOG_INTERVAL`` seconds, plus one when it is back.

It works as Django's ``handler500``, so it sees exceptions from views and from
every middleware alike. The end of an outage is noticed by the dependency itself
answering again: a new database connection (``connection_created``) or a cache
call that works (``fagrom.cache``). Nothing is
written half-way: services run in transactions, so a request cut off by an
outage leaves nothing behind.
"""

from __future__ import annotations

import errno
import logging
import sys
import threading
import time

from django.conf import settings
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

try:  # redis is installed, but only used when REDIS_URL is set
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    _REDIS_ERRORS: tuple[type[BaseException], ...] = (RedisConnectionError, RedisTimeoutError)
except ImportError:  # pragma: no cover
    _REDIS_ERRORS = ()

logger = logging.getLogger("fagrom.outage")

_lock = threading.Lock()
# dependency → {"since": monotonic time, "logged": monotonic time, "suppressed": count}
_down: dict[str, dict] = {}


# A full disk or quota: where no service catches it (Django's temporary file of a large
# upload, written while the form is read) it is an outage of the server's storage.
_DISK_FULL = {errno.ENOSPC, errno.EDQUOT}


def outage_dependency(exc: BaseException | None) -> str | None:
    """ "database", "cache" or "storage" when ``exc`` (or its cause) is an outage, else None."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OperationalError | InterfaceError):
            return "database"
        if _REDIS_ERRORS and isinstance(exc, _REDIS_ERRORS):
            return "cache"
        if isinstance(exc, OSError) and exc.errno in _DISK_FULL:
            return "storage"
        exc = exc.__cause__ or exc.__context__
    return None


def outage_report(dependency: str, exc: BaseException) -> None:
    """Log that ``dependency`` is down: once when it starts, then at most once per interval."""
    now = time.monotonic()
    interval = settings.OUTAGE_LOG_INTERVAL
    with _lock:
        state = _down.get(dependency)
        if state is None:
            _down[dependency] = {"since": now, "logged": now, "suppressed": 0}
            message, suppressed = "%s unavailable: %s", 0
        elif now - state["logged"] >= interval:
            message, suppressed = "%s still unavailable: %s (%d more failures)", state["suppressed"]
            state["logged"], state["suppressed"] = now, 0
        else:
            state["suppressed"] += 1
            return
    args = (dependency, _one_line(exc)) + ((suppressed,) if suppressed else ())
    logger.error(message, *args, extra={"event": "outage", "dependency": dependency})


def log_failure(log: logging.Logger, exc: BaseException, message: str, *args, **extra) -> None:
    """Log a failure caught so that it does not reach the user.

    An outage goes through ``outage_report`` (one line per dependency and interval, the
    same budget as requests); anything else is logged with its traceback, as it is a bug.
    """
    dependency = outage_dependency(exc)
    if dependency is not None:
        outage_report(dependency, exc)
        log.warning(message + " (%s unavailable)", *args, dependency, extra=extra)
    else:
        log.error(message, *args, exc_info=exc, extra=extra)


def outage_recovered(dependency: str) -> None:
    """``dependency`` answered again: log the end of its outage once."""
    if dependency not in _down:  # the common case costs one dict lookup
        return
    with _lock:
        state = _down.pop(dependency, None)
    if state is None:
        return
    logger.warning(
        "%s available again after %.1f s (%d failures not logged)",
        dependency,
        time.monotonic() - state["since"],
        state["suppressed"],
        extra={"event": "outage_over", "dependency": dependency},
    )


def database_connected(sender, connection, **kwargs) -> None:
    """``connection_created`` receiver: a new connection means the database is back."""
    outage_recovered("database")


def request_failed(sender, request=None, **kwargs) -> None:
    """``got_request_exception`` receiver: note an outage on the request for ``OutageMiddleware``."""
    exc = sys.exc_info()[1]
    dependency = outage_dependency(exc)
    if request is not None and dependency is not None:
        request._fagrom_outage = (dependency, exc)


class OutageMiddleware:
    """With ``DEBUG`` on, an outage still answers the 503, not Django's technical 500 page.

    ``handler500`` (``server_error``) is only used with ``DEBUG`` off; with it on, Django
    renders its debug page for every exception, which a developer or a test would then
    take for a bug. Django turns an exception into a response in the layer that raised
    it, so this outer middleware learns of the outage from ``got_request_exception``
    (``request_failed``) and swaps the 500 it gets back for the 503.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        noted = getattr(request, "_fagrom_outage", None)
        if noted is not None and response.status_code == 500:
            dependency, exc = noted
            outage_report(dependency, exc)
            return unavailable_response(request, dependency)
        return response


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:200]}"


def is_api(request) -> bool:
    return request.path_info.startswith("/api/")


def unavailable_response(request, dependency: str | None = None) -> HttpResponse:
    """503 with Retry-After: JSON under /api/, a short page elsewhere. Touches no dependency."""
    if dependency == "storage":
        message = _(
            "Fagrom kunne ikke ta imot det du sendte fordi lagringsplassen på serveren er "
            "full. Ingenting er lagret. Prøv igjen senere, eller send uten vedlegg."
        )
    else:
        message = _(
            "Fagrom er midlertidig utilgjengelig fordi en tjeneste den trenger, ikke svarer. "
            "Ingenting av det du sendte, er lagret halvveis. Prøv igjen om litt."
        )
    if is_api(request):
        response = JsonResponse({"detail": message}, status=503)
    else:
        html = loader.render_to_string("503.html", {"message": message})
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(settings.OUTAGE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    # Django's request logger would add a traceback per request; outage_report logged it.
    response._has_been_logged = True
    return response


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """``handler500``: outages become 503s; anything else stays an honest 500."""
    exc = sys.exc_info()[1]
    dependency = outage_dependency(exc)
    if dependency is not None:
        outage_report(dependency, exc)
        return unavailable_response(request, dependency)
    if is_api(request):
        return JsonResponse(
            {"detail": _("Noe gikk galt hos oss. Feilen er logget. Prøv igjen om litt.")},
            status=500,
        )
    return HttpResponseServerError(loader.render_to_string(template_name))
