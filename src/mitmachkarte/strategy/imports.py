"""Reading a whole strategy from files: the structure CSV, the indicators CSV (both as
exports.py writes them, see docs/strategy.md) or the JSON document (imports_json.py).

Everything is checked first (import_rows.py), and every problem is reported with its file,
line and column; only files without problems are written, in one transaction, through the
services: a node whose path (its code and the codes above it) exists is updated, others are
created. Nothing is deleted: nodes, indicators and values missing from the files stay.
"""

from django.db import transaction

from mitmachkarte.core.csv_export import unescape_text
from mitmachkarte.core.permissions import require_perm
from mitmachkarte.municipalities.models import Municipality

from . import indicator_services, levels, services
from .import_rows import (
    INDICATOR_FILE,
    STRUCTURE_FILE,
    Checker,
    ImportReport,
    IndicatorRow,
    Keys,
    NodeRow,
    parse_indicators,
    parse_structure,
    resolve_nodes,
)
from .indicator_services import decode, read_rows
from .levels import LEVELS
from .models import Indicator, Strategy
from .selectors import tree, walk


def csv_rows(data: bytes | str | None) -> list[dict]:
    if data is None:
        return []
    text = decode(data) if isinstance(data, bytes) else data
    return [{k: unescape_text(v) for k, v in row.items()} for row in read_rows(text)]


def existing_nodes(strategy: Strategy | None) -> dict[str, dict[tuple, object]]:
    found: dict[str, dict[tuple, object]] = {level.key: {} for level in LEVELS}
    if strategy is not None:
        for item in walk(tree(strategy, members=True)):
            level = levels.level_of(item.node)
            found[level.key][levels.path_of(item.node)] = item.node
    return found


def check_files(
    *, strategy: Strategy | None, structure: list[dict], indicators: list[dict], report
) -> tuple[list[NodeRow], list[IndicatorRow], dict]:
    existing = existing_nodes(strategy)
    keys = Keys(existing)
    node_rows = resolve_nodes(
        parse_structure(structure, Checker(report, STRUCTURE_FILE)),
        keys,
        Checker(report, STRUCTURE_FILE),
    )
    indicator_rows = parse_indicators(indicators, keys, Checker(report, INDICATOR_FILE))
    return node_rows, indicator_rows, existing


def import_strategy(
    *,
    municipality: Municipality,
    actor,
    structure: bytes | str | None = None,
    indicators: bytes | str | None = None,
    strategy_values: dict | None = None,
) -> ImportReport:
    """Import the structure file and/or the indicators file; see the module doc."""
    if actor is not None:
        require_perm(actor, "strategy.edit", municipality)
    report = ImportReport()
    return run(
        municipality=municipality,
        actor=actor,
        structure=csv_rows(structure),
        indicators=csv_rows(indicators),
        report=report,
        strategy_values=strategy_values,
    )


def run(*, municipality, actor, structure, indicators, report, strategy_values=None):
    strategy = Strategy.objects.filter(municipality=municipality).first()
    node_rows, indicator_rows, existing = check_files(
        strategy=strategy, structure=structure, indicators=indicators, report=report
    )
    if not report.ok:
        return report
    with transaction.atomic():
        strategy = services.get_or_create_strategy(municipality=municipality, actor=actor)
        if strategy_values:
            services.update_strategy(strategy=strategy, actor=actor, changes=strategy_values)
        nodes = {key: node for by_path in existing.values() for key, node in by_path.items()}
        for row in node_rows:
            node = existing[row.level.key].get(row.key)
            if node is not None:
                services.update_node(node=node, actor=actor, changes=row.values)
                report.updated += 1
            else:
                parent = strategy if len(row.key) == 1 else nodes[row.key[:-1]]
                node = services.create_node(
                    level=row.level,
                    parent=parent,
                    actor=actor,
                    values={**row.values, "code": row.code},
                )
                report.created += 1
            nodes[row.key] = node
        _write_indicators(indicator_rows, nodes, actor, report)
    return report


def _write_indicators(rows: list[IndicatorRow], nodes: dict, actor, report) -> None:
    done: dict[tuple, Indicator] = {}
    for row in rows:
        goal = nodes[row.goal_key]
        group = (row.goal_level.key, row.goal_key, row.definition["name"])
        indicator = done.get(group)
        if indicator is None:
            indicator = (
                goal.indicators.filter(name=row.definition["name"]).first() if goal.pk else None
            )
            if indicator is None:
                indicator = indicator_services.create_indicator(
                    goal=goal, actor=actor, values=row.definition
                )
            else:
                indicator_services.update_indicator(
                    indicator=indicator, actor=actor, changes=dict(row.definition)
                )
            report.indicators += 1
            done[group] = indicator
        if row.value:
            on, number, note = row.value
            indicator_services.set_value(
                indicator=indicator, actor=actor, on=on, value=number, note=note
            )
            report.values += 1
