"""The JSON API at /api/v1/ (django-ninja), with its OpenAPI schema at /api/v1/openapi.json.

Apps add routers (``forum.api``, ``search.api``); this module mounts them and turns errors
into ``{"detail": "<Norwegian message>"}``. Endpoints call ``access`` and the same services
and forms as the web pages, so the rules cannot drift apart. Shared pieces (ids, schemas,
authentication) are in ``fagrom.api.common``.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from forum.api import router as forum_router
from search.api import router as search_router

from .common import FormInvalid, SessionAuth, TokenAuth

api = NinjaAPI(
    title="Fagrom API",
    version="1",
    description=(
        "Rom, temaer, tråder og innlegg i Fagrom. Autentisering med innloggingsøkten "
        "(med CSRF-token for endringer) eller en personlig API-nøkkel "
        "(`Authorization: Bearer …`, lages på profilsiden). Objekter du ikke har tilgang til, "
        "svarer 404."
    ),
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api",
)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return api.create_response(request, {"detail": _("Fant ikke det du ba om.")}, status=404)


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    message = getattr(exc, "message", "") or _("Du har ikke tilgang til å gjøre dette.")
    return api.create_response(request, {"detail": message}, status=403)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    message = exc.message if exc.message != "Unauthorized" else ""
    return api.create_response(
        request,
        {"detail": message or _("Du må logge inn eller bruke en API-nøkkel.")},
        status=401,
    )


@api.exception_handler(ValidationError)
def _invalid_request(request, exc):
    fields = [".".join(str(p) for p in e.get("loc", ())[1:]) or "?" for e in exc.errors]
    return api.create_response(
        request,
        {
            "detail": _("Forespørselen er ugyldig. Sjekk feltene: %(fields)s.")
            % {"fields": ", ".join(dict.fromkeys(fields))},
            "errors": exc.errors,
        },
        status=422,
    )


@api.exception_handler(FormInvalid)
def _form_invalid(request, exc):
    first = next(iter(exc.errors.values()))[0]
    return api.create_response(request, {"detail": first, "errors": exc.errors}, status=400)


api.add_router("/", forum_router)
api.add_router("/", search_router)
