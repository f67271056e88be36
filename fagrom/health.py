"""``/healthz``: may this app server take traffic? For load balancers and orchestrators.

Answers JSON with the state of each dependency and 200 when all are up, 503
when one is down. It runs as the first middleware so a load balancer can
probe an app server by its address (no ALLOWED_HOSTS match, no HTTPS
redirect) and so it costs no session or user lookup. It reveals only up or
down, never versions, hosts or error details.
"""

import logging
import time

from django.conf import settings
from django.db import connections
from django.http import JsonResponse

logger = logging.getLogger(__name__)

HEALTH_PATHS = {"/healthz", "/healthz/"}


def check_database() -> dict:
    started = time.monotonic()
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any failure means "down"; details go to the log
        logger.exception("health check: database unavailable")
        return {"status": "down"}
    return {"status": "up", "ms": round((time.monotonic() - started) * 1000, 1)}


def check_elasticsearch() -> dict:
    from elasticsearch import Elasticsearch

    started = time.monotonic()
    timeout = settings.HEALTHZ_ELASTICSEARCH_TIMEOUT
    try:
        client = Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=timeout, max_retries=0)
        health = client.cluster.health(timeout=f"{int(timeout * 1000)}ms")
        cluster_status = health.get("status")
    except Exception:  # noqa: BLE001
        logger.exception("health check: Elasticsearch unavailable")
        return {"status": "down"}
    # Yellow (replicas not allocated) still answers every search; red does not.
    up = cluster_status in {"green", "yellow"}
    return {
        "status": "up" if up else "down",
        "cluster": cluster_status,
        "ms": round((time.monotonic() - started) * 1000, 1),
    }


def health_status() -> tuple[int, dict]:
    checks = {"database": check_database()}
    if settings.ELASTICSEARCH_URL:
        checks["elasticsearch"] = check_elasticsearch()
    healthy = all(check["status"] == "up" for check in checks.values())
    return (200 if healthy else 503), {"status": "ok" if healthy else "fail", "checks": checks}


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info in HEALTH_PATHS and request.method in {"GET", "HEAD"}:
            status, body = health_status()
            response = JsonResponse(body, status=status)
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)
