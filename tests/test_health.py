from django.db import connections
from django.db.utils import OperationalError

from tests.local_http import closed_port_url, local_http_server


def _elasticsearch(status):
    def cluster_health(query, form, headers):
        # The official client refuses answers without this product header.
        return 200, {"X-Elastic-Product": "Elasticsearch"}, {"status": status}

    return local_http_server({("GET", "/_cluster/health"): cluster_health})


def test_readyz_reports_database_and_storage_up_without_elasticsearch(client, db, settings):
    settings.ELASTICSEARCH_URL = None
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["status"] == "up"
    assert body["checks"]["storage"]["status"] == "up"
    assert "elasticsearch" not in body["checks"]
    assert "cache" not in body["checks"]  # the per-process memory cache is not a dependency
    assert response["Cache-Control"] == "no-store"


def test_healthz_is_liveness_and_touches_no_dependency(client, db, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(connections["default"], "cursor", refuse)
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_and_readyz_answer_an_unknown_host_and_plain_http(client, db, settings):
    # Load balancers probe app servers by address; host checks and HTTPS redirects must not apply.
    settings.ALLOWED_HOSTS = ["fagrom.example.no"]
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz", HTTP_HOST="10.0.0.7:8000").status_code == 200
    assert client.get("/readyz", HTTP_HOST="10.0.0.7:8000").status_code == 200


def test_readyz_is_503_naming_the_database_when_it_is_down(client, db, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:  # undone before the test database is rolled back
        patch.setattr(connections["default"], "cursor", refuse)
        response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["database"]
    assert body["checks"]["database"] == {"status": "down", "ms": body["checks"]["database"]["ms"]}
    assert response["Retry-After"]


def test_readyz_reports_a_green_elasticsearch_cluster(client, db, settings):
    with _elasticsearch("green") as url:
        settings.ELASTICSEARCH_URL = url
        response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"]["elasticsearch"]["status"] == "up"
    assert response.json()["checks"]["elasticsearch"]["cluster"] == "green"


def test_readyz_is_503_when_the_elasticsearch_cluster_is_red(client, db, settings):
    with _elasticsearch("red") as url:
        settings.ELASTICSEARCH_URL = url
        response = client.get("/readyz")
    assert response.status_code == 503
    check = response.json()["checks"]["elasticsearch"]
    assert check == {"status": "down", "cluster": "red", "ms": check["ms"]}
    assert response.json()["failing"] == ["elasticsearch"]


def test_readyz_is_503_when_elasticsearch_is_unreachable(client, db, settings):
    settings.ELASTICSEARCH_URL = closed_port_url()
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["database"]["status"] == "up"
    assert body["checks"]["elasticsearch"]["status"] == "down"
    assert body["failing"] == ["elasticsearch"]
