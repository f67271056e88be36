"""Local (username and password) login, its switch and its brake.

Every password login — Fagrom's own page and Wagtail's ``/admin/login/`` —
goes through ``LocalPasswordBackend``, so turning local login off
(``LOCAL_LOGIN_ENABLED=false``) and throttling password guessing hold on every
entry point. Permissions still come from ``ModelBackend``, which this extends.

The brake must not become a way to lock someone out (docs/configuration.md,
"Login throttling"):

* **Per account, a back-off, not a lockout.** After
  ``LOGIN_FAILURES_BEFORE_WAIT`` wrong passwords the next attempt must wait
  ``LOGIN_WAIT_FIRST`` seconds, doubling with every further failure up to
  ``LOGIN_WAIT_MAX``; the form says how long. Once the wait is over the right
  password gets in, and clears the count.
* **A known browser is not slowed by strangers.** A successful login leaves a
  signed cookie (``fagrom_device``) naming the account. Attempts that carry it
  are counted on their own, so a guessing run from elsewhere never holds the
  person back on their own machine, and the per-address limit does not apply.
* **Per address only where the address is real.** ``X-Forwarded-For`` is read
  only when the request comes from ``TRUSTED_PROXIES`` (``fagrom.throttle``);
  otherwise rotating it changes nothing.

Counts live in the shared cache, so every worker and app server agrees. The
maintained libraries were weighed: django-axes locks the account (the right
password too) for a cool-off, which is what this replaces, and keeps attempts
in the database; django-ratelimit gives fixed windows like ``Throttle`` below
and knows no devices. Neither makes the back-off or the known-browser rule
simpler than these sixty lines.
"""

import hashlib
import secrets
import time

from django.conf import settings
from django.contrib.auth.backends import ModelBackend, UserModel
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied

from fagrom.throttle import Throttle, client_ip

DEVICE_COOKIE = "fagrom_device"
_DEVICE_SALT = "fagrom.login-device"
_clock = time.time  # tests move it


def _ip_throttle() -> Throttle:
    return Throttle.from_setting("login-ip", "LOGIN_FAILURE_LIMIT_PER_IP")


def _normal(username) -> str:
    return str(username or "").strip().lower()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def known_device(request, username) -> str | None:
    """The device id when this browser has logged in to ``username`` before, else None."""
    if request is None:
        return None
    try:
        value = request.get_signed_cookie(DEVICE_COOKIE, salt=_DEVICE_SALT, default=None)
    except (signing.BadSignature, ValueError):
        return None
    device, _, account = (value or "").partition(":")
    return device if device and account == _digest(_normal(username)) else None


def device_cookie_set(response, username) -> None:
    """Remember this browser as one the person logs in from (a year, signed, HTTP only)."""
    value = f"{secrets.token_urlsafe(12)}:{_digest(_normal(username))}"
    response.set_signed_cookie(
        DEVICE_COOKIE,
        value,
        salt=_DEVICE_SALT,
        max_age=365 * 24 * 3600,
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )


def _failure_key(request, username) -> str:
    device = known_device(request, username)
    scope = f"device:{device}" if device else "account"
    return f"login-failures:{_digest(f'{scope}:{_normal(username)}')}"


def _wait_after(failures: int) -> int:
    free = settings.LOGIN_FAILURES_BEFORE_WAIT
    if failures < free:
        return 0
    return min(settings.LOGIN_WAIT_FIRST * 2 ** (failures - free), settings.LOGIN_WAIT_MAX)


def login_wait_seconds(request, username) -> int:
    """Seconds before this username may try again from here; 0 when it may now."""
    failures, last = cache.get(_failure_key(request, username), (0, 0.0))
    account_wait = max(0, int(last + _wait_after(failures) - _clock() + 0.999))
    if request is None or known_device(request, username):
        return account_wait
    throttle = _ip_throttle()
    if throttle.is_exceeded(client_ip(request)):
        return max(account_wait, throttle.window - int(_clock() % throttle.window))
    return account_wait


def login_is_throttled(request, username) -> bool:
    return login_wait_seconds(request, username) > 0


def login_failed(request, username) -> None:
    key = _failure_key(request, username)
    failures, _last = cache.get(key, (0, 0.0))
    # Forgotten a while after the longest wait, so an old run does not weigh on next week.
    cache.set(key, (failures + 1, _clock()), timeout=settings.LOGIN_WAIT_MAX * 4)
    if request is not None and not known_device(request, username):
        _ip_throttle().hit(client_ip(request))


def login_succeeded(request, username) -> None:
    # Clears the count this attempt belongs to (this browser's, or the account's for
    # unknown browsers): a login on one's own machine does not reset a stranger's
    # guessing run. The address counter runs out by itself for the same reason.
    cache.delete(_failure_key(request, username))


class LocalPasswordBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if not settings.LOCAL_LOGIN_ENABLED:
            return None
        if username is None:
            username = kwargs.get(UserModel.USERNAME_FIELD)
        if username is None or password is None:
            return None
        if login_is_throttled(request, username):
            # PermissionDenied stops Django from asking the other backends.
            raise PermissionDenied("login throttled")
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            login_failed(request, username)
        else:
            login_succeeded(request, username)
        return user
