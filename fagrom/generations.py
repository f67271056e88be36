"""Generations: when anything that a cached page part shows has changed, its key no longer matches.

Parts of pages that cost many queries and are read far more often than what they show
changes (the front page's panels and feed, the menu's counts) are kept in the shared
cache under the *generations* in force when they were made, and used only while those
are still the current ones:

* the **content** generation changes after every write anywhere: every unsafe HTTP
  request (``GenerationMiddleware``), every finished background task and scheduled job,
  and every row saved or deleted through the ORM outside those (``_row_changed``: the
  Wagtail admin's, the shell's, the tests' factories);
* a person's **reader** generation changes when only their own reading state moves
  while they read (``reader_changed``, called by the services that write read marks on
  a plain GET), so reading a thread does not make every other person's front page stale.

A generation is a random token, replaced (not incremented) at the change and again when
the transaction commits, as ``access.grants`` does for grants: a request that read the
tables before the commit may have stored its part under the first new token, never
under the second. Each entry also expires after ``PAGE_CACHE_TIMEOUT`` seconds, the bound
for what depends on the clock alone (a question becoming overdue) and for writes that
bypass all of the above (raw SQL).

It is on only where every process shares the cache (``PAGE_CACHE``, like the grants
cache): a per-process memory would keep a part that another process made stale.
"""

from __future__ import annotations

import contextvars
import functools
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

CONTENT = "gen:content"

# Rows whose change no cached part shows (or whose owner is told through reader_changed).
# Label "app_label.ModelName", as Model._meta.label gives it.
NOT_CONTENT = frozenset(
    {
        "sessions.Session",
        "django_tasks_db.DBTaskResult",
        "forum.ThreadRead",
        "forum.TopicRead",
        "search.IndexedDocument",
        "search.IndexedWord",
        "search.IndexedPrincipal",
        "search.IndexBuild",
        "people.ApiToken",  # its "last used" moves with every API call
        "admin.LogEntry",
    }
)


# What one request has read from the cache already (``prefetch``): generation tokens and
# parts, so a page that shows several parts asks the cache once. Set only inside a request
# (``GenerationMiddleware``); elsewhere every call asks the cache.
_request_memo: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "generations_memo", default=None
)


def enabled() -> bool:
    return bool(getattr(settings, "PAGE_CACHE", False))


def _reader_key(user_pk) -> str:
    return f"gen:reader:{user_pk}"


def _replace(key: str) -> None:
    token = uuid.uuid4().hex
    cache.set(key, token, None)
    _remember(key, token)  # this request's later parts are made under the new token


def _changed(key: str) -> None:
    _replace(key)
    transaction.on_commit(functools.partial(_replace, key))


def content_changed() -> None:
    """Something any cached part may show has changed (or may have)."""
    if enabled():
        _changed(CONTENT)


def reader_changed(user) -> None:
    """Only ``user``'s own reading state moved (a read mark, their notifications read)."""
    if enabled() and getattr(user, "pk", None):
        _changed(_reader_key(user.pk))


def _gen_keys(user) -> list[str]:
    return [CONTENT] if user is None else [CONTENT, _reader_key(user.pk)]


def _remember(key: str, value) -> None:
    """Note in this request's memo (if any) what the cache now holds under ``key``."""
    memo = _request_memo.get()
    if memo is not None:
        memo[key] = value


def prefetch(keys, *, user=None) -> None:
    """Read the generations and the parts under ``keys`` in one round trip, for the
    ``cached`` calls that follow in this request (parts of other people's are not
    asked for: pass ``user`` only with that person's own keys). Outside a request, or
    with the page cache off, nothing happens."""
    if _request_memo.get() is None or not enabled():
        return
    _get_many([*_gen_keys(user), *keys])


def content_token() -> str | None:
    """The content generation this request read (``prefetch`` or a ``cached`` call), or
    None: for parts kept in this process under it (``{% kept for … %}``)."""
    memo = _request_memo.get()
    if memo is None or not enabled():
        return None
    return memo.get(CONTENT)


def _get_many(keys: list[str]) -> dict:
    memo = _request_memo.get()
    if memo is None:
        return cache.get_many(keys)
    missing = [k for k in keys if k not in memo]
    if missing:
        found = cache.get_many(missing)
        for k in missing:
            memo[k] = found.get(k)
    return {k: memo[k] for k in keys if memo[k] is not None}


def cached(key: str, *, make, user=None, extra: tuple = ()):
    """``make()``, or what it gave before under the same generations (and ``extra``).

    With ``user``, the part is that person's and their reader generation counts too;
    without, it is shared by everyone whose request gives the same ``key``. One round trip
    to the cache on a hit (none when ``prefetch`` read it already); ``make()`` and one
    more on a miss.
    """
    if not enabled():
        return make()
    gen_keys = _gen_keys(user)
    found = _get_many([*gen_keys, key])
    stamp = []
    for gen_key in gen_keys:
        token = found.get(gen_key)
        if token is None:
            token = uuid.uuid4().hex
            if not cache.add(gen_key, token, None):
                token = cache.get(gen_key)
            _remember(gen_key, token)
        stamp.append(token)
    stamp = (*stamp, *extra)
    entry = found.get(key)
    if entry is not None and entry[0] == stamp:
        return entry[1]
    value = make()
    cache.set(key, (stamp, value), settings.PAGE_CACHE_TIMEOUT)
    _remember(key, (stamp, value))
    return value


def _row_changed(sender, **kwargs):
    if sender._meta.label not in NOT_CONTENT:
        content_changed()


def _task_finished(sender, **kwargs):
    content_changed()


def connect_signals() -> None:
    """Wired in ``FagromConfig.ready``: every ORM save and delete, every finished task."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from django_tasks.signals import task_finished

    post_save.connect(_row_changed, dispatch_uid="generations-save")
    post_delete.connect(_row_changed, dispatch_uid="generations-delete")
    m2m_changed.connect(_row_changed, dispatch_uid="generations-m2m")
    task_finished.connect(_task_finished, dispatch_uid="generations-task")


class GenerationMiddleware:
    """Every unsafe request may have written: the content generation changes after it.

    Also holds the request's memo of what it read from the cache (``prefetch``)."""

    SAFE = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        memo = _request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            _request_memo.reset(memo)
            if request.method not in self.SAFE:
                content_changed()
