"""Query parameters of the support lists, finders and API, parsed in one place.

`type` (repeatable), `municipality` (slug, AGS or name), `bbox`, and for offers
`capacity_min`, `step_free`, `amount`, `topic`. A FilterError names the parameter at fault:
the API answers 400, pages drop the parameter and show a notice.
"""

from mitmachkarte.core.params import FilterError, bbox_param, clean_list, reject_nul
from mitmachkarte.municipalities.selectors import municipality_param

from .models import NeedType, OfferType, PermitTopic

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def _types(values, choices) -> tuple[str, ...]:
    types = clean_list(values)
    unknown = [t for t in types if t not in choices]
    if unknown:
        raise FilterError(
            "type", f"unknown type '{unknown[0][:40]}' (one of: " + ", ".join(choices) + ")"
        )
    return tuple(types)


def _positive_int(param: str, raw) -> int | None:
    if raw in (None, ""):
        return None
    try:
        value = int(str(raw).strip())
    except ValueError:
        raise FilterError(param, f"not a whole number: '{str(raw)[:20]}'") from None
    if not 0 <= value <= 100_000_000:
        raise FilterError(param, "must be between 0 and 100000000")
    return value


def _flag(param: str, raw) -> bool:
    value = str(raw or "").strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise FilterError(param, "must be 1 or 0")


def need_filters(*, type=(), municipality=None, bbox=None) -> dict:
    reject_nul({"type": type, "municipality": municipality, "bbox": bbox})
    return {
        "types": _types(type, NeedType.values),
        "municipality": municipality_param(municipality),
        "bbox": bbox_param(bbox),
    }


def offer_filters(
    *,
    type=(),
    municipality=None,
    bbox=None,
    capacity_min=None,
    step_free=None,
    amount=None,
    topic=None,
) -> dict:
    reject_nul(
        {
            "type": type,
            "municipality": municipality,
            "bbox": bbox,
            "topic": topic,
            "capacity_min": capacity_min,
            "amount": amount,
            "step_free": step_free,
        }
    )
    topic = (topic or "").strip()
    if topic and topic not in PermitTopic.values:
        raise FilterError("topic", f"unknown topic '{topic[:40]}'")
    return {
        "types": _types(type, OfferType.values),
        "municipality": municipality_param(municipality),
        "bbox": bbox_param(bbox),
        "capacity_min": _positive_int("capacity_min", capacity_min),
        "step_free": _flag("step_free", step_free),
        "amount": _positive_int("amount", amount),
        "topic": topic,
    }


def lenient(parse, raw: dict) -> tuple[dict, list[FilterError]]:
    """Parse page parameters; each bad one is dropped and reported, never a 500."""
    raw, errors = dict(raw), []
    for _attempt in range(len(raw) + 1):
        try:
            return parse(**raw), errors
        except FilterError as exc:
            errors.append(exc)
            raw.pop(exc.param, None)
    raise AssertionError("unreachable: every parameter was dropped")
