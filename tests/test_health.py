from django.db import connections
from django.db.utils import OperationalError

from tests.local_http import closed_port_url, local_http_server


def _elasticsearch(status):
    def cluster_health(query, form, headers):
        # The official client refuses answers without this product header.
        return 200, {"X-Elastic-Product": "Elasticsearch"}, {"status": status}

    return local_http_server({("GET", "/_cluster/health"): cluster_health})


def test_healthz_reports_database_up_without_elasticsearch(client, db, settings):
    settings.ELASTICSEARCH_URL = None
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["status"] == "up"
    assert "elasticsearch" not in body["checks"]
    assert response["Cache-Control"] == "no-store"


def test_healthz_answers_an_unknown_host_and_plain_http(client, db, settings):
    # Load balancers probe app servers by address; host checks and HTTPS redirects must not apply.
    settings.ALLOWED_HOSTS = ["fagrom.example.no"]
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200


def test_healthz_is_503_when_the_database_is_down(client, db, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:  # undone before the test database is rolled back
        patch.setattr(connections["default"], "cursor", refuse)
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "fail", "checks": {"database": {"status": "down"}}}


def test_healthz_reports_a_green_elasticsearch_cluster(client, db, settings):
    with _elasticsearch("green") as url:
        settings.ELASTICSEARCH_URL = url
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"]["elasticsearch"]["status"] == "up"
    assert response.json()["checks"]["elasticsearch"]["cluster"] == "green"


def test_healthz_is_503_when_the_elasticsearch_cluster_is_red(client, db, settings):
    with _elasticsearch("red") as url:
        settings.ELASTICSEARCH_URL = url
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["elasticsearch"] == {
        "status": "down",
        "cluster": "red",
        "ms": response.json()["checks"]["elasticsearch"]["ms"],
    }


def test_healthz_is_503_when_elasticsearch_is_unreachable(client, db, settings):
    settings.ELASTICSEARCH_URL = closed_port_url()
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["database"]["status"] == "up"
    assert body["checks"]["elasticsearch"] == {"status": "down"}
