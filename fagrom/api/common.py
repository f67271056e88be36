"""What every endpoint of the JSON API shares: ids, error schemas, authentication, form errors.

The app routers (``forum.api``, ``search.api``) import this module; the project API that
mounts them is built in ``fagrom.api.project``, so no router imports the module that
imports it.
"""

from typing import Annotated

from django.conf import settings
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.errors import AuthenticationError, HttpError
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
