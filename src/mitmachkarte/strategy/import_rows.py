"""Checking the rows of imported files (imports.py runs the import): every problem with
its file, line and column, in German for the person who wrote the spreadsheet."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import levels
from .levels import FIELD, LEVELS, MEASURE, Level
from .models import Direction, MeasureStatus
from .parsing import parse_bool, parse_date, parse_decimal, parse_year
from .values import ALIGNED, MEASURE_ONLY, check_code, clean_values

STRUCTURE_FILE = gettext_lazy("strategy file")
INDICATOR_FILE = gettext_lazy("indicator file")
# The model's field → the column of the file, for messages.
COLUMN = {"starts_on": "from", "ends_on": "until", "name": "indicator"}
STATUS_ALIASES = {
    "geplant": "planned",
    "laufend": "running",
    "läuft": "running",
    "in umsetzung": "running",
    "abgeschlossen": "done",
    "erledigt": "done",
    "pausiert": "paused",
}
DIRECTION_ALIASES = {"höher": "higher", "hoch": "higher", "niedriger": "lower", "niedrig": "lower"}


@dataclass
class Problem:
    file: str
    line: int
    column: str
    message: str


@dataclass
class ImportReport:
    problems: list[Problem] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    indicators: int = 0
    values: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class NodeRow:
    line: int
    level: Level
    code: str
    parent_ref: str
    values: dict
    key: tuple = ()


@dataclass
class IndicatorRow:
    line: int
    goal_level: Level
    goal_key: tuple
    definition: dict
    value: tuple | None  # (date, Decimal, note)


class Checker:
    """Collects problems of one file."""

    def __init__(self, report: ImportReport, file):
        self.report, self.file = report, str(file)

    def add(self, line: int, column: str, message) -> None:
        self.report.problems.append(Problem(self.file, line, column, str(message)))

    def parse(self, line: int, column: str, parser, raw):
        try:
            return parser(raw)
        except ValueError as exc:
            self.add(line, column, exc)
        return None

    def validation(self, line: int, exc: ValidationError) -> None:
        if hasattr(exc, "error_dict"):
            for name, messages in exc.message_dict.items():
                for message in messages:
                    self.add(line, COLUMN.get(name, name), message)
        else:
            for message in exc.messages:
                self.add(line, "", message)


def _status(raw: str) -> str:
    value = raw.strip().lower()
    value = STATUS_ALIASES.get(value, value)
    if value not in MeasureStatus.values:
        raise ValueError(
            _("The status is one of: %(choices)s.") % {"choices": ", ".join(MeasureStatus.values)}
        )
    return value


def _direction(raw: str) -> str:
    value = (raw or "higher").strip().lower().split()[0]
    value = DIRECTION_ALIASES.get(value, value)
    if value not in Direction.values:
        raise ValueError(_("The direction is “higher” or “lower”."))
    return value


def _numbered(rows: list[dict]):
    """(line, row): the spreadsheet's line (the header is line 1), or the number of the
    entry in a JSON document (`_line`)."""
    for line, row in enumerate(rows, start=2):
        yield row.get("_line", line), row


def _missing_columns(check: Checker, rows: list[dict], required: list[str]) -> bool:
    missing = [c for c in required if rows and c not in rows[0]]
    if missing:
        check.add(1, ", ".join(missing), _("The first line lacks these columns."))
    return bool(missing)


def parse_structure(rows: list[dict], check: Checker) -> list[NodeRow]:
    if _missing_columns(check, rows, ["level", "code", "parent_code", "title"]):
        return []
    result = []
    for line, row in _numbered(rows):
        level = levels.level_named(row.get("level", ""))
        if level is None:
            check.add(
                line,
                "level",
                _("Unknown level “%(text)s”; use field, strategic_goal, operational_goal or "
                  "measure.") % {"text": row.get("level", "")[:40]},
            )  # fmt: skip
            continue
        code = check.parse(line, "code", lambda v: _code(v), row.get("code"))
        values = {"title": row.get("title", ""), "description": row.get("description", "")}
        values["published"] = check.parse(line, "published", parse_bool, row.get("published", ""))
        allowed = set(ALIGNED) if level is not FIELD else set()
        if level is MEASURE:
            allowed |= set(MEASURE_ONLY)
        for column, name in (*((a, a) for a in ALIGNED), *_MEASURE_COLUMNS):
            raw = row.get(column, "")
            if name not in allowed:
                if raw:
                    check.add(
                        line,
                        column,
                        _("A %(level)s has no %(column)s: leave the cell empty.")
                        % {"level": level.label, "column": column},
                    )
                continue
            if name in ("starts_on", "ends_on"):
                values[name] = check.parse(line, column, parse_date, raw) if raw else None
            elif name == "status":
                values[name] = check.parse(line, column, _status, raw or "planned")
            else:
                values[name] = raw
        parent_ref = row.get("parent_code", "")
        if level is not FIELD and not parent_ref:
            check.add(line, "parent_code", _("Name the code of the node above."))
        elif level is FIELD and parent_ref:
            check.add(line, "parent_code", _("A thematic field has no node above it."))
        try:
            clean_values(level, values)
        except ValidationError as exc:
            check.validation(line, exc)
        if code:
            result.append(NodeRow(line, level, code, parent_ref, values))
    return result


def _code(raw):
    try:
        return check_code(raw)
    except ValidationError as exc:
        raise ValueError(exc.message_dict["code"][0]) from exc


_MEASURE_COLUMNS = (
    ("responsible_unit", "responsible_unit"),
    ("partners", "partners"),
    ("from", "starts_on"),
    ("until", "ends_on"),
    ("status", "status"),
    ("resources", "resources"),
)


class Keys:
    """The paths known per level: those of the strategy and those of the file."""

    def __init__(self, existing: dict[str, dict[tuple, object]]):
        self.existing = existing
        self.in_file: dict[str, dict[tuple, int]] = {lvl.key: {} for lvl in LEVELS}

    def all(self, level: Level) -> set[tuple]:
        return set(self.existing.get(level.key, {})) | set(self.in_file[level.key])

    def resolve(self, level: Level, ref: str) -> tuple[tuple | None, str]:
        """The path `ref` names on `level` (a code, or a path "1/2"), or a message."""
        known = self.all(level)
        if "/" in ref:
            path = tuple(p.strip() for p in ref.split("/"))
            if path in known:
                return path, ""
            return None, _("No %(level)s has the path “%(ref)s”.") % {
                "level": level.label,
                "ref": ref,
            }
        matches = [p for p in known if p[-1] == ref.strip()]
        if len(matches) == 1:
            return matches[0], ""
        if not matches:
            return None, _("No %(level)s has the code “%(ref)s”.") % {
                "level": level.label,
                "ref": ref,
            }
        return None, _(
            "Several %(level)s nodes have the code “%(ref)s”: write the path, e.g. “%(path)s”."
        ) % {"level": level.label, "ref": ref, "path": "/".join(sorted(matches)[0])}


def resolve_nodes(node_rows: list[NodeRow], keys: Keys, check: Checker) -> list[NodeRow]:
    resolved = []
    for level in LEVELS:
        for row in (r for r in node_rows if r.level is level):
            if level is FIELD:
                row.key = (row.code,)
            else:
                parent, message = keys.resolve(levels.parent_level(level), row.parent_ref)
                if parent is None:
                    if row.parent_ref:
                        check.add(row.line, "parent_code", message)
                    continue
                row.key = (*parent, row.code)
            if row.key in keys.in_file[level.key]:
                check.add(
                    row.line,
                    "code",
                    _("The same node is in line %(line)s already.")
                    % {"line": keys.in_file[level.key][row.key]},
                )
                continue
            keys.in_file[level.key][row.key] = row.line
            resolved.append(row)
    return resolved


def parse_indicators(rows: list[dict], keys: Keys, check: Checker) -> list[IndicatorRow]:
    required = ["goal_level", "goal_code", "indicator", "baseline", "baseline_year", "target"]
    if _missing_columns(check, rows, [*required, "target_year"]):
        return []
    result, first = [], {}
    seen_dates: dict[tuple, dict] = {}
    for line, row in _numbered(rows):
        level = levels.level_named(row.get("goal_level", ""))
        if level is None or level.key not in ("strategic_goal", "operational_goal"):
            check.add(line, "goal_level", _("Indicators belong to a strategic_goal or an "
                                            "operational_goal."))  # fmt: skip
            continue
        goal_key, message = keys.resolve(level, row.get("goal_code", ""))
        if goal_key is None:
            check.add(line, "goal_code", message)
            continue
        name = row.get("indicator", "").strip()
        if not name:
            check.add(line, "indicator", _("A name is needed."))
            continue
        definition = {
            "name": name,
            "unit": row.get("unit", ""),
            "description": row.get("description", ""),
            "direction": check.parse(line, "direction", _direction, row.get("direction")),
            "baseline_value": check.parse(line, "baseline", parse_decimal, row.get("baseline")),
            "baseline_year": check.parse(line, "baseline_year", parse_year, row["baseline_year"]),
            "target_value": check.parse(line, "target", parse_decimal, row.get("target")),
            "target_year": check.parse(line, "target_year", parse_year, row["target_year"]),
            "published": check.parse(line, "published", parse_bool, row.get("published")),
        }
        base, target = definition["baseline_year"], definition["target_year"]
        if base and target and target < base:
            check.add(line, "target_year", _("The target year lies before the baseline year."))
        group = (level.key, goal_key, name)
        if group in first and first[group][1] != definition:
            check.add(
                line,
                "indicator",
                _("The indicator differs from its definition in line %(line)s.")
                % {"line": first[group][0]},
            )
        first.setdefault(group, (line, definition))
        value = None
        raw_date, raw_value = row.get("date", ""), row.get("value", "")
        if raw_date or raw_value:
            on = check.parse(line, "date", parse_date, raw_date)
            number = check.parse(line, "value", parse_decimal, raw_value)
            dates = seen_dates.setdefault(group, {})
            if on and on in dates:
                check.add(line, "date", _("The date is in line %(line)s already.")
                          % {"line": dates[on]})  # fmt: skip
            if on is not None and number is not None:
                dates[on] = line
                value = (on, number, row.get("note", "")[:300])
        result.append(IndicatorRow(line, level, goal_key, definition, value))
    return result
