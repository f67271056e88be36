"""The JSON API at /api/v1/ (django-ninja), with its OpenAPI schema at /api/v1/openapi.json.

Apps add routers (``forum.api``). This module holds what every endpoint shares:
authentication (session with CSRF, or a personal API token), and errors as
``{"detail": "<Norwegian message>"}``. Endpoints call ``people.access`` and the
same services and forms as the web pages, so the rules cannot drift apart.
"""

from typing import Annotated

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer
from ninja.security.apikey import APIKeyCookie
from ninja.utils import check_csrf

from people.services import api_token_user

# Ids and page numbers beyond what the database holds are bad input (422), not a database
# error: SQLite cannot even bind an integer past 2**63 - 1.
MAX_ID = 2**63 - 1
MAX_PAGE = 1_000_000
ObjectId = Annotated[int, Field(ge=1, le=MAX_ID)]


class Error(Schema):
    """Every error answer: a Norwegian message, and per-field messages where there are some."""

    detail: str
    errors: dict | list | None = None


def errors(*statuses: int) -> dict:
    """``response=`` entries that document the error answers an endpoint can give.

    Every endpoint can answer 400: characters no text may hold (NUL, control
    characters, lone surrogates; ``fagrom.input_guard``) and bodies past the size
    limit are refused before the endpoint runs.
    """
    return dict.fromkeys((400, 401, 422, *statuses), Error)


class TokenAuth(HttpBearer):
    """``Authorization: Bearer fgr_…`` with a personal API token (profile page)."""

    openapi_name = "apiToken"

    def authenticate(self, request, token):
        user = api_token_user(token)
        if user is None:
            raise AuthenticationError(401, _("API-nøkkelen er ugyldig eller tilbakekalt."))
        request.user = user  # the rest of Django (access memo, services) sees the same person
        return user


class SessionAuth(APIKeyCookie):
    """The browser's login session; unsafe methods need the CSRF token as the web forms do."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request):
        if check_csrf(request):
            raise HttpError(
                403,
                _(
                    "CSRF-kontrollen feilet. Send X-CSRFToken-hodet med verdien fra "
                    "informasjonskapselen «%(cookie)s», eller bruk en API-nøkkel."
                )
                # The cookie's name comes from settings: production prefixes it (__Host-).
                % {"cookie": settings.CSRF_COOKIE_NAME},
            )
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request, key):
        return request.user if request.user.is_authenticated else None


class FormInvalid(Exception):
    """A Django form said no: the same messages as on the web page, as JSON."""

    def __init__(self, form):
        super().__init__("form invalid")
        self.errors = {
            ("_" if field == "__all__" else field): [str(m) for m in messages]
            for field, messages in form.errors.items()
        }


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


def _register_routers():
    from forum.api import router as forum_router
    from search.api import router as search_router

    api.add_router("/", forum_router)
    api.add_router("/", search_router)


_register_routers()
