"""Rate limits kept in the cache, shared by every app server that shares the cache.

A limit is "at most N events per W seconds" counted in fixed windows: cheap
(one ``add`` and one ``incr``), good enough against password guessing and
flooding, and it needs no background clean-up because the keys expire.
Production uses a cache every app server sees (Redis or the database cache;
see docs/configuration.md), so the limit holds across servers.
"""

import functools
import hashlib
import ipaddress
import time
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import pgettext_lazy


def parse_rate(value: str | tuple[int, int]) -> tuple[int, int]:
    """ "5/900" → (5, 900): five events per 900 seconds."""
    if isinstance(value, tuple):
        return value
    count, _, seconds = str(value).partition("/")
    return int(count), int(seconds or 60)


@dataclass(frozen=True)
class Throttle:
    scope: str
    limit: int
    window: int  # seconds

    @classmethod
    def from_setting(cls, scope: str, setting: str) -> "Throttle":
        limit, window = parse_rate(getattr(settings, setting))
        return cls(scope=scope, limit=limit, window=window)

    def _key(self, ident: str) -> str:
        # Hash the identifier: usernames and IP addresses don't belong in cache keys in clear.
        digest = hashlib.sha256(f"{self.scope}:{ident}".encode()).hexdigest()[:32]
        return f"throttle:{self.scope}:{digest}:{int(time.time() // self.window)}"

    def count(self, ident: str) -> int:
        return cache.get(self._key(ident), 0)

    def is_exceeded(self, ident: str) -> bool:
        return self.count(ident) >= self.limit

    def hit(self, ident: str) -> int:
        """Record one event and return how many there are in the current window."""
        key = self._key(ident)
        cache.add(key, 0, timeout=self.window + 1)
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=self.window + 1)
            return 1

    def reset(self, ident: str) -> None:
        cache.delete(self._key(ident))


@functools.lru_cache(maxsize=8)
def _networks(spec: tuple[str, ...]):
    return tuple(ipaddress.ip_network(item, strict=False) for item in spec)


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request) -> str:
    """The client's address, for per-address limits.

    ``X-Forwarded-For`` counts only when the request comes from one of
    ``TRUSTED_PROXIES``: anyone reaching the app directly could write anything
    there. Then it is read from the right, skipping trusted proxies, at most
    ``NUM_PROXIES`` entries deep: the first address no trusted proxy vouches
    for is the client.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.NUM_PROXIES
    if not proxies or not _trusted(remote):
        return remote
    forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [p for p in forwarded if p][-proxies:]
    client = remote
    for address in reversed(forwarded):
        client = address
        if not _trusted(address):
            break
    return client


POSTING_THROTTLED = pgettext_lazy(
    "form error",
    "Du har publisert mange innlegg på kort tid. Vent litt før du publiserer igjen. "
    "Teksten din er tatt vare på nedenfor.",
)


def posting_allowed(request, form: forms.Form) -> bool:
    """Count one post by the current person; past the limit, put a message on ``form``.

    Call it after ``form.is_valid()`` in a view that publishes something, so
    only real attempts count and the form keeps what was typed::

        if request.method == "POST" and form.is_valid() and posting_allowed(request, form):
    """
    throttle = Throttle.from_setting("post", "POST_RATE_LIMIT")
    if throttle.hit(str(request.user.pk)) > throttle.limit:
        form.add_error(None, POSTING_THROTTLED)
        return False
    return True
