"""Writes to indicators and their measured values (the rest of the tree: services.py).

Same conventions: keyword-only, one transaction each, `strategy.edit` checked for `actor`
(None: a script), versions of indicators with the actor, a form's version token checked.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mitmachkarte.core import concurrency

from . import levels
from .models import Direction, Indicator, IndicatorValue, OperationalGoal, StrategicGoal
from .parsing import parse_date, parse_decimal
from .services import delete_versioned, may_edit, save_versioned

INDICATOR_FIELDS = (
    "name",
    "unit",
    "description",
    "baseline_value",
    "baseline_year",
    "target_value",
    "target_year",
    "direction",
    "position",
    "published",
)


def goal_of(indicator: Indicator):
    return indicator.strategic_goal or indicator.operational_goal


def _check(values: dict, *, goal, exclude_pk=None) -> dict:
    unknown = set(values) - set(INDICATOR_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown fields: %(names)s") % {"names": ", ".join(unknown)})
    errors = {}
    if "name" in values:
        values["name"] = (values["name"] or "").strip()
        if not values["name"]:
            errors["name"] = _("A name is needed.")
        elif (
            Indicator.objects.filter(**_goal_filter(goal), name=values["name"])
            .exclude(pk=exclude_pk)
            .exists()
        ):
            errors["name"] = _("This goal already has an indicator of this name.")
    if "direction" in values and values["direction"] not in Direction.values:
        errors["direction"] = _("The direction is “higher” or “lower”.")
    base, target = values.get("baseline_year"), values.get("target_year")
    if base is not None and target is not None and target < base:
        errors["target_year"] = _("The target year lies before the baseline year.")
    if errors:
        raise ValidationError(errors)
    return values


def _goal_filter(goal) -> dict:
    if isinstance(goal, StrategicGoal):
        return {"strategic_goal": goal}
    if isinstance(goal, OperationalGoal):
        return {"operational_goal": goal}
    raise ValidationError(_("Indicators belong to a strategic or an operational goal."))


@transaction.atomic
def create_indicator(*, goal, actor, values: dict) -> Indicator:
    may_edit(actor, levels.strategy_of(goal))
    values = _check(dict(values), goal=goal)
    for required in ("name", "baseline_value", "baseline_year", "target_value", "target_year"):
        if values.get(required) in (None, ""):
            raise ValidationError({required: _("This value is needed.")})
    indicator = Indicator(**_goal_filter(goal), **values)
    save_versioned(indicator, actor=actor, reason="created")
    return indicator


@transaction.atomic
def update_indicator(
    *, indicator: Indicator, actor, changes: dict, expected_version: str | None = None
) -> Indicator:
    goal = goal_of(indicator)
    may_edit(actor, levels.strategy_of(goal))
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    concurrency.check_model(indicator, expected_version, covering=changes)
    merged = {name: getattr(indicator, name) for name in ("baseline_year", "target_year")}
    merged.update(changes)
    _check(merged, goal=goal, exclude_pk=indicator.pk)
    changed = {k: v for k, v in merged.items() if k in changes and getattr(indicator, k) != v}
    if changed:
        for name, value in changed.items():
            setattr(indicator, name, value)
        save_versioned(indicator, actor=actor, reason="edited")
    return indicator


@transaction.atomic
def delete_indicator(*, indicator: Indicator, actor) -> None:
    may_edit(actor, levels.strategy_of(goal_of(indicator)))
    delete_versioned(indicator, actor=actor, reason="deleted")


@transaction.atomic
def set_value(
    *, indicator: Indicator, actor, on: date, value: Decimal, note: str = ""
) -> IndicatorValue:
    """The measured value of a date (one per date: a second entry replaces the first)."""
    may_edit(actor, levels.strategy_of(goal_of(indicator)))
    row, _created = IndicatorValue.objects.update_or_create(
        indicator=indicator, date=on, defaults={"value": value, "note": (note or "")[:300]}
    )
    return row


@transaction.atomic
def delete_value(*, value: IndicatorValue, actor) -> None:
    may_edit(actor, levels.strategy_of(goal_of(value.indicator)))
    value.delete()


@dataclass
class ValuesImport:
    """Errors as (line, column, message); `saved` rows when there were none."""

    errors: list[tuple[int, str, str]] = field(default_factory=list)
    saved: int = 0


def read_rows(text: str) -> list[dict]:
    """Rows of a CSV text as dicts with lower-case keys: `;` or `,`, with or without a BOM."""
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    reader.fieldnames = [(n or "").strip().lower() for n in reader.fieldnames or []]
    return [
        {k: (v or "").strip() for k, v in row.items() if k is not None}
        for row in reader
        if any((v or "").strip() for v in row.values() if isinstance(v, str))
    ]


def decode(upload: bytes) -> str:
    try:
        return upload.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older Excel saves Windows-1252; it decodes any byte, so it comes second.
        return upload.decode("cp1252")


@transaction.atomic
def import_values(*, indicator: Indicator, actor, data: bytes) -> ValuesImport:
    """Values of one indicator from a CSV with the columns date;value[;note]. Every row is
    checked first; with any error nothing is saved."""
    may_edit(actor, levels.strategy_of(goal_of(indicator)))
    result = ValuesImport()
    rows = read_rows(decode(data))
    if not rows:
        result.errors.append((1, "", _("The file has no rows (date;value;note).")))
    if rows and not {"date", "value"} <= set(rows[0]):
        result.errors.append((1, "", _("The first line needs the columns date and value.")))
        return result
    parsed, seen = [], {}
    for line, row in enumerate(rows, start=2):
        try:
            on = parse_date(row.get("date"))
        except ValueError as exc:
            result.errors.append((line, "date", str(exc)))
            continue
        try:
            value = parse_decimal(row.get("value"))
        except ValueError as exc:
            result.errors.append((line, "value", str(exc)))
            continue
        if on in seen:
            result.errors.append(
                (line, "date", _("The date is in line %(line)s already.") % {"line": seen[on]})
            )
        seen[on] = line
        parsed.append((on, value, row.get("note", "")))
    if result.errors:
        return result
    for on, value, note in parsed:
        set_value(indicator=indicator, actor=actor, on=on, value=value, note=note)
    result.saved = len(parsed)
    return result
