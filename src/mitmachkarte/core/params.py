"""Query parameters shared by every filter (map, directory, embed, events, API).

A `FilterError` names the parameter at fault, so each interface can answer with a clear
message (a notice on the page, or a JSON 400).
"""

from .geo import BBox, GeoInputError, parse_bbox


class FilterError(ValueError):
    def __init__(self, param: str, message: str):
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


def clean_list(values) -> list[str]:
    """Repeated parameters and comma-separated values alike, stripped, without repeats."""
    if isinstance(values, str):
        values = [values]
    cleaned = []
    for value in values or []:
        cleaned.extend(v.strip() for v in str(value).split(",") if v.strip())
    return list(dict.fromkeys(cleaned))


def reject_nul(params: dict[str, object]) -> None:
    """PostgreSQL cannot compare text containing NUL: refuse it before any query."""
    for param, raw in params.items():
        values = raw if isinstance(raw, list | tuple) else [raw]
        if any("\x00" in str(value or "") for value in values):
            raise FilterError(param, "must not contain NUL characters")


def bbox_param(raw: str | None) -> BBox | None:
    if not raw:
        return None
    try:
        return parse_bbox(raw)
    except GeoInputError as exc:
        raise FilterError("bbox", str(exc)) from exc
