"""Schemathesis against the published OpenAPI schema: no input makes the API fail with a server error."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from lms.wsgi import application
from tests import factories as f

# The schema as published at /api/v1/openapi.json, read through the WSGI application in-process.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def known_certificate(db, settings):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    settings.ACADEMY_API_ANONYMOUS_RATE_PER_MINUTE = 100_000  # this test is about server errors, not limits
    # As Django's test client does: keep the test's database connection (and transaction) open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield f.certificate()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_fails_with_a_server_error(case, known_certificate):
    case.call_and_validate(checks=[schemathesis.checks.not_a_server_error])
