"""Redis as a cache that may fail: an outage degrades to "no cache", never to a 500.

Everything Fagrom keeps in the cache can be recomputed (rendered fragments,
grants, throttle counters), and sessions live in the database, so while Redis
is down reads miss, writes are dropped and the pages still work. After a
failure the backend stops asking Redis for ``CACHE_RETRY_SECONDS`` (a small
circuit breaker), so requests do not each wait for a connection timeout; the
outage is logged once (``fagrom.outage``), as is its end.

Throttle counters fail open while Redis is down: refusing every login would be
the worse outage. ``ping()`` raises, for ``/readyz``.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

from .outage import _REDIS_ERRORS, outage_recovered, outage_report


class _OneClientPerPool(RedisCacheClient):
    """Django builds a new ``redis.Redis`` for every call (its table of response
    callbacks: ~0.1 ms, several times per page); one per connection pool serves as well,
    a client being safe to share."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FailSoftRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _OneClientPerPool
        self._broken_until = 0.0

    def _call(self, method: str, fallback, *args, **kwargs):
        if self._broken_until and time.monotonic() < self._broken_until:
            return fallback
        try:
            result = getattr(super(), method)(*args, **kwargs)
        except _REDIS_ERRORS as exc:
            self._broken_until = time.monotonic() + settings.CACHE_RETRY_SECONDS
            outage_report("cache", exc)
            return fallback
        if self._broken_until:
            self._broken_until = 0.0
            outage_recovered("cache")
        return result

    def ping(self) -> None:
        """Raise when Redis does not answer (the readiness check; no circuit breaker)."""
        self._cache.get_client(write=True).ping()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version=version)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version=version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version=version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version=version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version=version)

    def incr(self, key, delta=1, version=None):
        result = self._call("incr", None, key, delta, version=version)
        if result is None:
            # As if the key had expired: Throttle.hit then starts a fresh count (fails open).
            raise ValueError(f"Key '{key}' not found (cache unavailable)")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version=version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version=version)

    def clear(self):
        return self._call("clear", False)
