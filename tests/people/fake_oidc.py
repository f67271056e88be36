"""A small OpenID Connect provider for tests: real keys, real signatures, real HTTP.

It serves the token, userinfo and JWKS endpoints on 127.0.0.1 and signs ID
tokens with a freshly generated RSA key (joserfc), so mozilla-django-oidc and
Fagrom's backend run their real code: HTTP calls with ``requests``, signature
verification against the JWKS, nonce and PKCE checks.
"""

import base64
import hashlib
import secrets
import time
from contextlib import contextmanager
from urllib.parse import parse_qs, urlsplit

from joserfc import jwt
from joserfc.jwk import RSAKey

from tests.local_http import local_http_server

CLIENT_ID = "fagrom-test"
CLIENT_SECRET = "test-secret"


class FakeProvider:
    def __init__(self, key: RSAKey | None = None):
        self.key = key or RSAKey.generate_key(2048, parameters={"kid": "test-key"})
        self.issuer = ""
        self.codes: dict[str, dict] = {}
        self.tokens: dict[str, dict] = {}
        self.userinfo_extra: dict = {}
        # Knobs for the failure tests.
        self.signing_key: RSAKey | None = None
        self.audience = CLIENT_ID

    # --- the browser's part: the person signs in at the provider ---------------------------

    def authorize(self, authorize_url: str, claims: dict) -> dict:
        """Given the URL Fagrom redirected to, 'sign in' and return the callback's query."""
        query = {k: v[0] for k, v in parse_qs(urlsplit(authorize_url).query).items()}
        assert query["client_id"] == CLIENT_ID
        assert query["response_type"] == "code"
        code = secrets.token_urlsafe(16)
        self.codes[code] = {
            "claims": claims,
            "nonce": query.get("nonce"),
            "challenge": query.get("code_challenge"),
            "redirect_uri": query["redirect_uri"],
        }
        return {"code": code, "state": query["state"]}

    # --- the server's part: endpoints Fagrom calls ------------------------------------------

    def _token(self, query, form, headers):
        grant = self.codes.pop(form.get("code"), None)
        if (
            grant is None
            or form.get("client_id") != CLIENT_ID
            or form.get("client_secret") != CLIENT_SECRET
            or form.get("redirect_uri") != grant["redirect_uri"]
        ):
            return 400, {}, {"error": "invalid_grant"}
        if grant["challenge"]:
            digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
            if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != grant["challenge"]:
                return 400, {}, {"error": "invalid_grant", "error_description": "PKCE"}
        now = int(time.time())
        id_claims = {
            "iss": self.issuer,
            "aud": self.audience,
            "iat": now,
            "exp": now + 300,
            "nonce": grant["nonce"],
            **grant["claims"],
        }
        key = self.signing_key or self.key
        id_token = jwt.encode({"alg": "RS256", "kid": key.kid}, id_claims, key)
        access_token = secrets.token_urlsafe(16)
        self.tokens[access_token] = grant["claims"]
        return 200, {}, {"id_token": id_token, "access_token": access_token, "token_type": "Bearer"}

    def _userinfo(self, query, form, headers):
        token = headers.get("Authorization", "").removeprefix("Bearer ")
        if token not in self.tokens:
            return 401, {}, {"error": "invalid_token"}
        claims = self.tokens[token]
        return 200, {}, {"sub": claims["sub"], **self.userinfo_extra}

    def _jwks(self, query, form, headers):
        return 200, {}, {"keys": [self.key.as_dict(private=False, alg="RS256", use="sig")]}

    @contextmanager
    def running(self):
        routes = {
            ("POST", "/token"): self._token,
            ("GET", "/userinfo"): self._userinfo,
            ("GET", "/jwks"): self._jwks,
        }
        with local_http_server(routes) as url:
            self.issuer = url
            yield url
