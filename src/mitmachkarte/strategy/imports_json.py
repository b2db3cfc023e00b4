"""The JSON document of a strategy (exports.strategy_json) read back: it becomes the rows of
the two CSV files, so the same checks and the same writes apply. Problems name the entry
by its number in document order ("line" in the report) and its column name."""

import json

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mitmachkarte.core.permissions import require_perm

from .exports import FORMAT
from .import_rows import Checker, ImportReport
from .imports import run
from .levels import LEVELS

JSON_FILE = gettext_lazy("JSON file")


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)


def _rows(document: dict) -> tuple[list[dict], list[dict]]:
    structure, indicators = [], []
    counter = iter(range(1, 10**9))

    def visit(entry, depth: int, parent_path: tuple):
        level = LEVELS[depth]
        if not isinstance(entry, dict):
            raise ValueError(_("Every entry of the tree is an object."))
        code = _text(entry.get("code")).strip()
        line = next(counter)
        row = {
            "_line": line,
            "level": level.key,
            "code": code,
            "parent_code": "/".join(parent_path),
            "title": _text(entry.get("title")),
            "description": _text(entry.get("description")),
            "published": _text(entry.get("published", True)),
            "sdgs": _text(entry.get("sdgs")),
            "targets": _text(entry.get("targets")),
            "strategy_refs": " | ".join(entry.get("strategy_refs") or []),
            "responsible_unit": _text(entry.get("responsible_unit")),
            "partners": _text(entry.get("partners")),
            "from": _text(entry.get("starts_on")),
            "until": _text(entry.get("ends_on")),
            "status": _text(entry.get("status")),
            "resources": _text(entry.get("resources")),
        }
        structure.append(row)
        path = (*parent_path, code)
        for indicator in entry.get("indicators") or []:
            head = {
                "_line": line,
                "goal_level": level.key,
                "goal_code": "/".join(path),
                "indicator": _text(indicator.get("name")),
                "unit": _text(indicator.get("unit")),
                "direction": _text(indicator.get("direction")),
                "baseline": _text(indicator.get("baseline")),
                "baseline_year": _text(indicator.get("baseline_year")),
                "target": _text(indicator.get("target")),
                "target_year": _text(indicator.get("target_year")),
                "description": _text(indicator.get("description")),
                "published": _text(indicator.get("published", True)),
            }
            values = indicator.get("values") or [{}]
            for value in values:
                indicators.append(
                    {
                        **head,
                        "date": _text(value.get("date")),
                        "value": _text(value.get("value")),
                        "note": _text(value.get("note")),
                    }
                )
        if level.children:
            for child in entry.get(level.children) or []:
                visit(child, depth + 1, path)

    for entry in document.get("fields") or []:
        visit(entry, 0, ())
    return structure, indicators


def import_json(*, municipality, actor, data: bytes | str) -> ImportReport:
    if actor is not None:
        require_perm(actor, "strategy.edit", municipality)
    report = ImportReport()
    check = Checker(report, JSON_FILE)
    try:
        document = json.loads(data.decode("utf-8-sig") if isinstance(data, bytes) else data)
    except (ValueError, UnicodeDecodeError) as exc:
        check.add(0, "", _("The file is no JSON: %(error)s") % {"error": str(exc)[:120]})
        return report
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        check.add(0, "format", _("The file is no strategy export (“format”: “%(f)s”).")
                  % {"f": FORMAT})  # fmt: skip
        return report
    try:
        structure, indicators = _rows(document)
    except (ValueError, AttributeError, TypeError, RecursionError) as exc:
        check.add(0, "", _("The tree of the file cannot be read: %(error)s")
                  % {"error": str(exc)[:120]})  # fmt: skip
        return report
    values = {}
    if isinstance(document.get("title"), str) and document["title"].strip():
        values["title"] = document["title"].strip()[:200]
    if isinstance(document.get("summary"), str):
        values["summary"] = document["summary"]
    return run(
        municipality=municipality,
        actor=actor,
        structure=structure,
        indicators=indicators,
        report=report,
        strategy_values=values,
    )
