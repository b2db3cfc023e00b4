"""An OpenAPI schema that tells the truth: the error answers and the parameters' limits.

`DocumentedAPI` adds the error answers every operation can give (400, 404, 422, 429, 503,
each a JSON `{"detail": …}` as core.errors and the exception handlers write it) to every
operation of its schema. `described()` documents a query parameter that stays raw text for
its parser in core.params: the schema states what that parser accepts (type, range, pattern,
choices) without a second validation by pydantic, so the parser remains the only judge and
the schema its description. tests/api check both against each other with schemathesis.
"""

from dataclasses import dataclass
from typing import Annotated, Any

from ninja import NinjaAPI, Schema
from ninja.errors import ValidationError
from pydantic import WithJsonSchema

from .params import BBOX_PATTERN, FALSE_VALUES, NO_NUL, TRUE_VALUES, FilterError, parse_int
from .ratelimit import RateLimited

ERROR_RESPONSES = {
    400: "A parameter is malformed or out of its range; `detail` and `param` name it.",
    404: "Not found: the addressed item, or an item a filter names (e.g. a municipality).",
    422: "A required parameter is missing, or a paging number (`limit`, `offset`, `zoom`) "
    "is malformed or out of its range; `param` or `errors` name them.",
    429: "Too many requests from this client; try again after `Retry-After` seconds.",
    503: "The database cannot answer right now; try again after `Retry-After` seconds.",
}
DEFAULT = "x-mitmachkarte-default"
RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before the next attempt.",
        "required": True,
        "schema": {"type": "integer", "minimum": 1},
    }
}


class ParamError(Schema):
    param: str
    message: str


class Error(Schema):
    """The body of every error answer under /api/."""

    detail: str
    param: str | None = None
    errors: list[ParamError] | None = None


def described(schema: dict[str, Any], base: Any = str | None) -> Any:
    """A raw query parameter (text for core.params) whose schema is `schema`."""
    return Annotated[base, WithJsonSchema(schema)]


def text(max_length: int | None = None, **extra) -> Any:
    """Free text without NUL characters (PostgreSQL cannot compare them)."""
    schema = {"type": "string", "pattern": NO_NUL, **extra}
    if max_length is not None:
        schema["maxLength"] = max_length
    return described(schema)


def integer(low: int, high: int, **extra) -> Any:
    return described({"type": "integer", "minimum": low, "maximum": high, **extra})


def choice(values, **extra) -> Any:
    return described({"type": "string", "enum": list(values), **extra})


def many(item: dict[str, Any], **extra) -> Any:
    """A repeatable parameter (`?category=a&category=b`; repeats count once)."""
    return described({"type": "array", "items": item, **extra}, list[str])


def media(content_type: str, description: str, schema: dict | None = None) -> dict:
    """`openapi_extra` for an operation whose 200 answer is not JSON of a schema."""
    body = {content_type: {"schema": schema or {"type": "string"}}}
    return {"responses": {200: {"description": description, "content": body}}}


class DocumentedAPI(NinjaAPI):
    """A NinjaAPI whose errors are JSON `{"detail": …}` and whose schema lists the shared
    error answers on every operation."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.add_exception_handler(FilterError, self._filter_error)
        self.add_exception_handler(RateLimited, self._rate_limited)
        self.add_exception_handler(ValidationError, self._validation_error)

    def _filter_error(self, request, exc: FilterError):
        body = {"detail": f"{exc.param}: {exc.message}", "param": exc.param}
        return self.create_response(request, body, status=exc.status)

    def _rate_limited(self, request, exc: RateLimited):
        response = self.create_response(request, {"detail": exc.message}, status=429)
        response["Retry-After"] = str(exc.retry_after)
        return response

    def _validation_error(self, request, exc: ValidationError):
        """422 with one readable message per parameter, e.g. "offset: not a whole number"."""
        errors = []
        for error in exc.errors:
            loc = [str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body")]
            # Query schemas put the schema's argument name first: keep the parameter name.
            param = loc[-1] if loc else "request"
            if len(loc) > 1 and loc[-1].isdigit():
                param = loc[-2]
            errors.append({"param": param, "message": error.get("msg", "invalid")})
        detail = "; ".join(f"{e['param']}: {e['message']}" for e in errors)
        return self.create_response(request, {"detail": detail, "errors": errors}, status=422)

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        error_schema = Error.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(error_schema.pop("$defs", {}))
        components["Error"] = error_schema
        for operations in schema["paths"].values():
            for operation in operations.values():
                for parameter in operation.get("parameters", []):
                    _tidy_parameter(parameter)
                responses = operation.setdefault("responses", {})
                for status, description in ERROR_RESPONSES.items():
                    responses.setdefault(status, error_response(status, description))
        return schema


def _tidy_parameter(parameter: dict) -> None:
    """A query string has no null: an optional parameter is absent, not "null". And a raw
    text parameter's signature default is "" (empty: "use the default"); the schema shows
    the value that stands for."""
    if parameter["in"] == "query" and not parameter.get("required"):
        parameter["allowEmptyValue"] = True  # core.params: an empty value counts as absent
    schema = parameter["schema"]
    variants = schema.get("anyOf", [])
    if len(variants) == 2 and {"type": "null"} in variants:
        schema.pop("anyOf")
        schema.update(next(v for v in variants if v != {"type": "null"}))
    if DEFAULT in schema:
        schema["default"] = schema.pop(DEFAULT)


def error_response(status: int, description: str) -> dict:
    response = {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }
    if status in (429, 503):
        response["headers"] = RETRY_AFTER
    return response


def flag(**extra) -> Any:
    """A yes/no parameter as core.params.parse_bool reads it."""
    return choice(sorted(TRUE_VALUES | FALSE_VALUES), **extra)


BBOX = described(
    {
        "type": "string",
        "pattern": BBOX_PATTERN,
        "description": "west,south,east,north in WGS84 degrees (corners in any order)",
        "example": "6.8,50.8,7.1,51.0",
    }
)
MUNICIPALITY = text(
    description="A municipality's slug, 8-digit AGS or name; an unknown one answers 404.",
)


@dataclass(frozen=True)
class Bounded:
    """A whole-number parameter: its schema and its parser from the same bounds.

    Without a default it is required. Bad values answer `status` (422 for paging, as the
    API always did for numbers out of their range).
    """

    param: str
    low: int
    high: int
    default: int | None = None
    status: int = 422

    @property
    def schema(self) -> Any:
        schema = {"type": "integer", "minimum": self.low, "maximum": self.high}
        if self.default is not None:
            schema[DEFAULT] = self.default
        return described(schema, str)

    def parse(self, raw) -> int:
        try:
            value = parse_int(
                self.param, raw, min_value=self.low, max_value=self.high, default=self.default
            )
        except FilterError as exc:
            raise FilterError(self.param, exc.message, status=self.status) from exc
        if value is None:
            raise FilterError(self.param, "required", status=self.status)
        return value
