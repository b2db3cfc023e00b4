"""The API answers as its OpenAPI schemas say: schemathesis against the WSGI app, in process.

Every operation of /api/v1/openapi.json and /api/kvm/openapi.json, with generated valid and
invalid parameters (examples, coverage and fuzzing phases), checked with all of schemathesis'
checks: no 5xx, only documented status codes, content types, headers and bodies, invalid
requests refused (4xx), valid ones accepted (2xx or 404). Seeded, a bounded number of
examples per operation, against a small set of factory data.
"""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from mitmachkarte.wsgi import application

MAX_EXAMPLES = 25
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {"enabled": True},
        "generation": {"max-examples": MAX_EXAMPLES, "deterministic": True},
    }
)
main = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=CONFIG)
kvm = schemathesis.openapi.from_wsgi("/api/kvm/openapi.json", application, config=CONFIG)


@pytest.fixture
def data(db, reference_data):
    from tests.api.contract_data import create

    # As Django's test client does: the WSGI handler must not close the test's connection
    # (and with it the transaction holding the data) after each request.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield create()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


# The data are made once per operation; the API only reads, so every example sees them.
ONCE_PER_OPERATION = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


# Schemathesis' WSGI client asks for gzip but does not unpack it; compression itself is
# tested in tests/core/test_compression.py.
PLAIN = {"Accept-Encoding": "identity"}


@main.parametrize()
@ONCE_PER_OPERATION
def test_the_api_answers_as_its_schema_says(case, data):
    case.call_and_validate(headers=PLAIN)


@kvm.parametrize()
@ONCE_PER_OPERATION
def test_the_kvm_api_answers_as_its_schema_says(case, data):
    case.call_and_validate(headers=PLAIN)
