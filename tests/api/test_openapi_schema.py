"""What the schemas promise, read directly (the contract test checks the answers)."""

import pytest

ERRORS = {"400", "404", "422", "429", "503"}


@pytest.fixture
def schemas(client):
    return {prefix: client.get(f"/api/{prefix}/openapi.json").json() for prefix in ("v1", "kvm")}


def _operations(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield f"{method.upper()} {path}", operation


def test_every_operation_documents_the_error_answers_with_their_body(schemas):
    for schema in schemas.values():
        assert schema["components"]["schemas"]["Error"]["required"] == ["detail"]
        for name, operation in _operations(schema):
            responses = operation["responses"]
            assert set(responses) >= ERRORS, name
            for status in ERRORS:
                body = responses[status]["content"]["application/json"]["schema"]
                assert body == {"$ref": "#/components/schemas/Error"}, (name, status)
            for status in ("429", "503"):
                assert responses[status]["headers"]["Retry-After"]["required"], name


def test_the_exports_are_operations_with_their_media_types(schemas):
    paths = schemas["v1"]["paths"]
    expected = {
        "initiatives.csv": "text/csv",
        "initiatives.geojson": "application/geo+json",
        "initiatives.jsonld": "application/ld+json",
        "events.jsonld": "application/ld+json",
    }
    for name, media_type in expected.items():
        answer = paths[f"/api/v1/export/{name}"]["get"]["responses"]["200"]
        assert list(answer["content"]) == [media_type], name


def _parameter(schemas, path, name):
    operation = schemas["v1"]["paths"][path]["get"]
    return next(p for p in operation["parameters"] if p["name"] == name)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, name",
    [("/api/v1/initiatives", "limit"), ("/api/v1/map", "zoom"), ("/api/v1/events", "limit")],
)
def test_the_documented_limits_of_a_number_are_the_ones_applied(
    client, schemas, reference_data, path, name
):
    schema = _parameter(schemas, path, name)["schema"]
    low, high = schema["minimum"], schema["maximum"]
    for value, accepted in ((low, True), (high, True), (low - 1, False), (high + 1, False)):
        response = client.get(path, {name: value, "zoom": 3} if name != "zoom" else {name: value})
        assert (response.status_code == 200) is accepted, (name, value, response.content)
        if not accepted:
            assert response.status_code == 422 and response.json()["param"] == name


def test_optional_query_parameters_may_be_empty_and_are_never_null(schemas):
    for schema in schemas.values():
        for name, operation in _operations(schema):
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query" and not parameter["required"]:
                    assert parameter["allowEmptyValue"] is True, (name, parameter["name"])
                assert "null" not in str(parameter["schema"]), (name, parameter["name"])
