"""``/healthz`` (liveness) and ``/readyz`` (readiness), for load balancers and orchestrators.

* ``/healthz``: is this process alive? Always 200 while it can answer at all;
  it touches no dependency, so an orchestrator does not restart healthy app
  servers because the database is down (restarting would not bring it back).
* ``/readyz``: may this app server take traffic? Checks the database, the cache
  (when it is a shared one: Redis or the database cache), Elasticsearch (when
  configured), the task queue's age (with the database task backend) and that
  the private storage takes a write. 200 when all pass, 503 with ``failing``
  naming what does not.

Both run as the first middleware so a load balancer can probe an app server by
its address (no ALLOWED_HOSTS match, no HTTPS redirect) and so they cost no
session or user lookup. They reveal only up or down (and the queue's age),
never versions, hosts or error details; those go to the log.
"""

import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connections
from django.http import JsonResponse
from django.utils import timezone

from .outage import outage_recovered, outage_report

LIVENESS_PATHS = {"/healthz", "/healthz/"}
READINESS_PATHS = {"/readyz", "/readyz/"}


def _timed(check):
    started = time.monotonic()
    result = check()
    result.setdefault("ms", round((time.monotonic() - started) * 1000, 1))
    return result


def check_database() -> dict:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means "down"; details go to the log
        outage_report("database", exc)
        return {"status": "down"}
    return {"status": "up"}


def cache_is_shared() -> bool:
    backend = settings.CACHES["default"]["BACKEND"]
    return not backend.endswith(("LocMemCache", "DummyCache"))


def check_cache() -> dict:
    cache = caches["default"]
    try:
        if hasattr(cache, "ping"):  # fagrom.cache.FailSoftRedisCache hides errors otherwise
            cache.ping()
        else:
            key = f"readyz:{uuid.uuid4().hex}"
            cache.set(key, 1, 10)
            if cache.get(key) != 1:
                raise RuntimeError("cache lost a value it was just given")
            cache.delete(key)
    except Exception as exc:  # noqa: BLE001
        outage_report("cache", exc)
        return {"status": "down"}
    return {"status": "up"}


def check_task_queue() -> dict:
    """The oldest task waiting to run: older than ``READYZ_TASK_QUEUE_MAX_AGE`` means no worker."""
    from django_tasks_db.models import DBTaskResult

    try:
        oldest = (
            DBTaskResult.objects.ready()
            .order_by("enqueued_at")
            .values_list("enqueued_at", flat=True)
            .first()
        )
    except Exception as exc:  # noqa: BLE001
        outage_report("task_queue", exc)
        return {"status": "down"}
    age = (timezone.now() - oldest).total_seconds() if oldest else 0.0
    up = age <= settings.READYZ_TASK_QUEUE_MAX_AGE
    if not up:
        outage_report("task_queue", RuntimeError(f"oldest queued task waits {age:.0f} s"))
    return {"status": "up" if up else "down", "oldest_seconds": round(age)}


def check_storage() -> dict:
    """Write, read back and delete a tiny file in the private storage."""
    storage = storages["private"]
    name = f"readyz/{uuid.uuid4().hex}.txt"
    try:
        stored = storage.save(name, ContentFile(b"ok"))
        try:
            with storage.open(stored, "rb") as handle:
                if handle.read() != b"ok":
                    raise OSError("storage returned other bytes")
        finally:
            storage.delete(stored)
    except Exception as exc:  # noqa: BLE001
        outage_report("storage", exc)
        return {"status": "down"}
    return {"status": "up"}


def check_elasticsearch() -> dict:
    from elasticsearch import Elasticsearch

    timeout = settings.HEALTHZ_ELASTICSEARCH_TIMEOUT
    try:
        client = Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=timeout, max_retries=0)
        health = client.cluster.health(timeout=f"{int(timeout * 1000)}ms")
        cluster_status = health.get("status")
    except Exception as exc:  # noqa: BLE001
        outage_report("elasticsearch", exc)
        return {"status": "down"}
    # Yellow (replicas not allocated) still answers every search; red does not.
    up = cluster_status in {"green", "yellow"}
    return {"status": "up" if up else "down", "cluster": cluster_status}


def readiness_status() -> tuple[int, dict]:
    checks = {"database": _timed(check_database)}
    if cache_is_shared():
        checks["cache"] = _timed(check_cache)
    if (
        settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
        and settings.READYZ_TASK_QUEUE_MAX_AGE
        and checks["database"]["status"] == "up"
    ):
        checks["task_queue"] = _timed(check_task_queue)
    checks["storage"] = _timed(check_storage)
    if settings.ELASTICSEARCH_URL:
        checks["elasticsearch"] = _timed(check_elasticsearch)
    failing = [name for name, check in checks.items() if check["status"] != "up"]
    for name in checks.keys() - set(failing):
        outage_recovered(name)
    body = {"status": "fail" if failing else "ok", "checks": checks}
    if failing:
        body["failing"] = failing
    return (503 if failing else 200), body


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in {"GET", "HEAD"}:
            if request.path_info in LIVENESS_PATHS:
                return _no_store(JsonResponse({"status": "ok"}))
            if request.path_info in READINESS_PATHS:
                status, body = readiness_status()
                response = _no_store(JsonResponse(body, status=status))
                if status == 503:
                    response["Retry-After"] = str(settings.OUTAGE_RETRY_AFTER)
                    # Probes come every few seconds; the outage log has the story already.
                    response._has_been_logged = True
                return response
        return self.get_response(request)


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response
