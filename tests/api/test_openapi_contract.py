import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig

from mitmachkarte.wsgi import application

CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {"enabled": True},
        "generation": {"max-examples": 30, "deterministic": True},
    }
)


schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=CONFIG)


@schema.parametrize()
@pytest.mark.usefixtures("reference_data")
def test_api_answers_as_its_schema_says(case):
    case.call_and_validate()
