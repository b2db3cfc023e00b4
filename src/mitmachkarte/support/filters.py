"""Query parameters of the support lists, finders and API, parsed in one place.

`type` (repeatable), `municipality` (slug, AGS or name), `bbox`, and for offers
`capacity_min`, `step_free`, `amount`, `topic`. A FilterError names the parameter at fault:
the API answers 400, pages drop the parameter and show a notice.
"""

from mitmachkarte.core.params import (
    FilterError,
    bbox_param,
    parse_bool,
    parse_choice,
    parse_int,
    parse_list,
    reject_nul,
)
from mitmachkarte.municipalities.selectors import municipality_param

from .models import NeedType, OfferType, PermitTopic

MAX_AMOUNT = 100_000_000


def _types(values, choices) -> tuple[str, ...]:
    return tuple(parse_list("type", values, lambda param, v: parse_choice(param, v, choices)))


def _amount(param: str, raw) -> int | None:
    return parse_int(param, raw, min_value=0, max_value=MAX_AMOUNT)


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
        "capacity_min": _amount("capacity_min", capacity_min),
        "step_free": parse_bool("step_free", step_free),
        "amount": _amount("amount", amount),
        "topic": topic,
    }
