"""Single sign-on with OpenID Connect (Entra ID or any OIDC provider).

mozilla-django-oidc runs the authorisation-code flow; this module decides who
the person is. Claims create or update the user through
``services.person_sync_from_directory``: full name, e-mail, title and the
org unit, found by matching a configurable claim (for example a department
code) against ``OrgUnit.code``. Which claim carries what is configured in the
``OIDC_*_CLAIM`` settings (docs/configuration.md).
"""

import logging

import requests
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from . import services
from .models import OrgUnit

logger = logging.getLogger(__name__)


def _claim(claims: dict, name: str):
    value = claims.get(name) if name else None
    if isinstance(value, list):  # some providers send multi-valued claims
        value = value[0] if value else None
    return value.strip() if isinstance(value, str) else value


class FagromOIDCBackend(OIDCAuthenticationBackend):
    """Find or create the person the provider vouches for, and bring them up to date."""

    def _verify_jws(self, payload, key):
        # The library skips the audience check; a token minted for another
        # client of the same provider must not log anyone in here.
        claims = super()._verify_jws(payload, key)
        audience = claims.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token audience does not match OIDC_RP_CLIENT_ID.")
        issuer = settings.OIDC_OP_ISSUER
        if issuer and claims.get("iss") != issuer:
            raise SuspiciousOperation("ID token issuer does not match OIDC_OP_ISSUER.")
        return claims

    def get_userinfo(self, access_token, id_token, payload):
        # Entra ID puts most claims (department, job title) in the ID token and
        # little in userinfo; merge both, userinfo winning where both speak.
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            claims.update(super().get_userinfo(access_token, id_token, payload))
        return claims

    def _username(self, claims) -> str:
        return str(_claim(claims, settings.OIDC_USERNAME_CLAIM) or "").lower()

    def verify_claims(self, claims):
        return bool(self._username(claims))

    def describe_user_by_claims(self, claims):
        return f"username {self._username(claims)}"

    def filter_users_by_claims(self, claims):
        username = self._username(claims)
        if not username:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(username__iexact=username)

    def create_user(self, claims):
        return self._sync(claims).user

    def update_user(self, user, claims):
        return self._sync(claims).user

    def _sync(self, claims) -> services.DirectoryChange:
        fields = {"username": self._username(claims), "source": "oidc"}
        full_name = _claim(claims, settings.OIDC_FULL_NAME_CLAIM)
        if not full_name:
            given, family = _claim(claims, "given_name"), _claim(claims, "family_name")
            full_name = " ".join(part for part in (given, family) if part)
        if full_name:
            fields["full_name"] = full_name
        for name, setting in (("email", "OIDC_EMAIL_CLAIM"), ("title", "OIDC_TITLE_CLAIM")):
            value = _claim(claims, getattr(settings, setting))
            if value is not None:
                fields[name] = str(value)
        unit_code = _claim(claims, settings.OIDC_UNIT_CLAIM)
        if unit_code:
            unit = OrgUnit.objects.filter(code__iexact=str(unit_code)).first()
            if unit is None:
                # Keep the person where they are rather than guess; the next
                # directory sync (which knows the unit) places them.
                logger.warning(
                    "OIDC login with unknown unit code", extra={"unit_code": str(unit_code)}
                )
            else:
                fields["unit"] = unit
        # Sign-in never reactivates someone the directory sync deactivated:
        # ``is_active`` is passed as it is.
        user = self.UserModel.objects.filter(username__iexact=fields["username"]).first()
        return services.person_sync_from_directory(
            is_active=user.is_active if user else True, **fields
        )

    def get_user(self, user_id):
        # The library's get_user ignores is_active; a person the directory sync
        # deactivated must lose their session on the next request.
        user = super().get_user(user_id)
        return user if user and self.user_can_authenticate(user) else None


class _EnabledOnly:
    def dispatch(self, request, *args, **kwargs):
        if not settings.OIDC_ENABLED:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class AuthenticationRequestView(_EnabledOnly, OIDCAuthenticationRequestView):
    """Sends the browser to the provider (the "Logg inn med virksomhetens konto" button)."""


class AuthenticationCallbackView(_EnabledOnly, OIDCAuthenticationCallbackView):
    """The provider sends the browser back here with a code."""

    def get(self, request):
        # A bad token, a replayed state or an unreachable provider is a failed
        # sign-in with a clear message, not a 400 or 500 page.
        try:
            return super().get(request)
        except SuspiciousOperation as exc:
            logger.warning("OIDC sign-in refused: %s", exc)
        except requests.RequestException as exc:
            logger.error("OIDC provider unreachable or refused the code: %s", exc)
        return self.login_failure()

    def login_failure(self):
        messages.error(
            self.request,
            _(
                "Innloggingen med virksomhetens konto mislyktes. Prøv igjen, "
                "eller kontakt brukerstøtte hvis det skjer flere ganger."
            ),
        )
        return super().login_failure()
