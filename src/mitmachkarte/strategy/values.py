"""Checking the values of a node before any write: one place for the rules of the tree.

Forms, the services and the import all end up here, so a rule has one message. Each check
raises ValidationError with a dict {field: message}.
"""

import re
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from mitmachkarte.organisations.models import Organisation
from mitmachkarte.taxonomy.models import SDG, SDGTarget

from .levels import MEASURE, Level
from .models import MeasureStatus

CODE_MAX = 20
_SPLIT = re.compile(r"[\s,;]+")
SCALAR = {
    "code",
    "title",
    "description",
    "position",
    "published",
    "strategy_refs",
    "responsible_unit",
    "resources",
    "starts_on",
    "ends_on",
    "status",
}
ALIGNED = ("sdgs", "targets", "strategy_refs")
MEASURE_ONLY = ("responsible_unit", "resources", "partners", "starts_on", "ends_on", "status")


def split_words(value) -> list[str]:
    """ "3, 11 13" or a list → ["3", "11", "13"] without repeats."""
    if value is None:
        return []
    if isinstance(value, str):
        items = _SPLIT.split(value)
    else:
        items = [str(getattr(v, "pk", v)) for v in value]
    return list(dict.fromkeys(i.strip() for i in items if str(i).strip()))


def split_labels(value) -> list[str]:
    """Free labels are separated by "|" in files (a label may hold spaces and commas)."""
    if isinstance(value, str):
        value = value.split("|")
    return list(dict.fromkeys(str(v).strip() for v in value or [] if str(v).strip()))


def fields_for(level: Level) -> set[str]:
    names = {"code", "title", "description", "position", "published"}
    if level.key != "field":
        names |= set(ALIGNED)
    if level is MEASURE:
        names |= set(MEASURE_ONLY)
    return names


def check_code(code) -> str:
    code = (code or "").strip()
    if not code:
        raise ValidationError({"code": _("A code is needed, such as 1.2.")})
    if "/" in code:
        raise ValidationError({"code": _("A code must not contain “/”.")})
    if len(code) > CODE_MAX:
        raise ValidationError({"code": _("A code has at most %(n)s characters.") % {"n": CODE_MAX}})
    return code


def sdgs_from(value) -> list[SDG]:
    numbers = split_words(value)
    wrong = [n for n in numbers if not n.isdigit() or not 1 <= int(n) <= 17]
    if wrong:
        raise ValidationError(
            {"sdgs": _("There is no SDG %(goal)s (1 to 17).") % {"goal": ", ".join(wrong[:5])}}
        )
    return list(SDG.objects.filter(number__in=[int(n) for n in numbers]).order_by("number"))


def targets_from(value) -> list[SDGTarget]:
    if value and not isinstance(value, str) and all(isinstance(v, SDGTarget) for v in value):
        return list(value)
    numbers = [n.lower() for n in split_words(value)]
    found = {t.number: t for t in SDGTarget.objects.filter(number__in=numbers)}
    unknown = [n for n in numbers if n not in found]
    if unknown:
        raise ValidationError(
            {
                "targets": _("There is no SDG target %(numbers)s (of the 169, e.g. 11.6).")
                % {"numbers": ", ".join(unknown[:5])}
            }
        )
    return [found[n] for n in numbers]


def partners_from(value) -> list[Organisation]:
    if value and all(isinstance(v, Organisation) for v in value):
        return list(value)
    slugs = split_words(value)
    found = {o.slug: o for o in Organisation.objects.filter(slug__in=slugs)}
    unknown = [s for s in slugs if s not in found]
    if unknown:
        raise ValidationError(
            {
                "partners": _("No organisation on the platform has the short name %(slugs)s.")
                % {"slugs": ", ".join(unknown[:5])}
            }
        )
    return [found[s] for s in slugs]


def clean_values(level: Level, values: dict) -> tuple[dict, dict]:
    """(scalar values, many-to-many values) checked; unknown keys are an error."""
    unknown = set(values) - fields_for(level)
    if unknown:
        raise ValidationError(
            _("%(level)s has no field %(names)s.")
            % {"level": level.label, "names": ", ".join(sorted(unknown))}
        )
    scalar = {k: v for k, v in values.items() if k in SCALAR}
    m2m: dict[str, list] = {}
    errors: dict[str, list] = {}

    def collect(name, fn):
        try:
            return fn()
        except ValidationError as exc:
            for key, messages in exc.message_dict.items():
                errors.setdefault(key, []).extend(messages)

    if "code" in scalar:
        scalar["code"] = collect("code", lambda: check_code(scalar["code"]))
    if "title" in scalar:
        scalar["title"] = (scalar["title"] or "").strip()
        if not scalar["title"]:
            errors.setdefault("title", []).append(_("A title is needed."))
    if "strategy_refs" in scalar:
        scalar["strategy_refs"] = split_labels(scalar["strategy_refs"])
    if "sdgs" in values:
        m2m["sdgs"] = collect("sdgs", lambda: sdgs_from(values["sdgs"])) or []
    if "targets" in values:
        m2m["targets"] = collect("targets", lambda: targets_from(values["targets"])) or []
        if "sdgs" in m2m:  # a target implies its goal
            known = {s.number for s in m2m["sdgs"]}
            extra = {t.sdg_id for t in m2m["targets"]} - known
            m2m["sdgs"] += list(SDG.objects.filter(number__in=extra))
            m2m["sdgs"].sort(key=lambda s: s.number)
    if "partners" in values:
        m2m["partners"] = collect("partners", lambda: partners_from(values["partners"])) or []
    if "status" in scalar and scalar["status"] not in MeasureStatus.values:
        errors.setdefault("status", []).append(
            _("The status is one of: %(choices)s.") % {"choices": ", ".join(MeasureStatus.values)}
        )
    starts, ends = scalar.get("starts_on"), scalar.get("ends_on")
    if starts and ends and ends < starts:
        errors.setdefault("ends_on", []).append(_("The end lies before the start."))
    if errors:
        raise ValidationError(errors)
    return scalar, m2m


def check_sibling_codes(siblings: Iterable, code: str, *, exclude_pk=None) -> None:
    """Codes are unique per parent."""
    if any(s.code == code and s.pk != exclude_pk for s in siblings):
        raise ValidationError(
            {"code": _("The code %(code)s is already used at this place.") % {"code": code}}
        )
