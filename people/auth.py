"""Local (username and password) login, its switch and its brake.

Every password login — Fagrom's own page and Wagtail's ``/admin/login/`` —
goes through ``LocalPasswordBackend``, so turning local login off
(``LOCAL_LOGIN_ENABLED=false``) and throttling password guessing hold on every
entry point. Permissions still come from ``ModelBackend``, which this extends.
"""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend, UserModel
from django.core.exceptions import PermissionDenied

from fagrom.throttle import Throttle, client_ip


def _username_throttle() -> Throttle:
    return Throttle.from_setting("login-user", "LOGIN_FAILURE_LIMIT")


def _ip_throttle() -> Throttle:
    return Throttle.from_setting("login-ip", "LOGIN_FAILURE_LIMIT_PER_IP")


def _normal(username) -> str:
    return str(username or "").strip().lower()


def login_is_throttled(request, username) -> bool:
    """Too many failed attempts for this username, or from this address, lately."""
    if _username_throttle().is_exceeded(_normal(username)):
        return True
    return request is not None and _ip_throttle().is_exceeded(client_ip(request))


def login_failed(request, username) -> None:
    _username_throttle().hit(_normal(username))
    if request is not None:
        _ip_throttle().hit(client_ip(request))


def login_succeeded(username) -> None:
    # A successful login clears the person's own counter; the address counter
    # runs out by itself, so one valid account can't launder a guessing run.
    _username_throttle().reset(_normal(username))


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
            login_succeeded(username)
        return user
