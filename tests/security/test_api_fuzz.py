"""Property-based fuzzing of the JSON API from its own OpenAPI schema (schemathesis).

Every operation gets generated valid and invalid input, as a person with a token: whatever
comes in, the answer is never a server error and its status code is one the schema
documents. Derandomised, so a CI run is repeatable; `max_examples` keeps it to seconds.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import status_code_conformance

from fagrom.api.project import api
from fagrom.wsgi import application
from people.services import api_token_create
from tests.forum.factories import ThreadFactory

# The schema as the API builds it, so loading it needs no request and no database.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/"))


@pytest.fixture
def wsgi_requests_keep_the_test_connection():
    """Calling the WSGI application directly (not through Django's test client) runs the
    request signals that close the database connection after a request: on PostgreSQL that
    closes the test's own connection, so do here what the test client does."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(case_worker, topic, wsgi_requests_keep_the_test_connection):
    ThreadFactory(topic=topic, author=case_worker)  # something for ids 1… to find
    return api_token_create(user=case_worker, name="fuzz")[1]


@schema.parametrize()
@settings(
    max_examples=15,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_never_answers_with_a_server_error_or_an_undocumented_status(case, token):
    case.call_and_validate(
        app=application,
        headers={"Authorization": f"Bearer {token}"},
        checks=[status_code_conformance],
    )
