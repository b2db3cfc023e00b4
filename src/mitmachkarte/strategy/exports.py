"""A whole strategy as files: the structure CSV, the indicators CSV and one JSON document.

The formats are described in docs/strategy.md (with example files); imports.py reads them
back. A node's parent is named by its code, or by its path ("1/2") where the code alone is
not unique on its level in the strategy (codes are unique per parent only).
"""

from collections import Counter
from decimal import Decimal

from . import levels
from .levels import LEVELS, MEASURE
from .models import Strategy
from .selectors import TreeNode, tree, walk

STRUCTURE_COLUMNS = [
    "level",
    "code",
    "parent_code",
    "title",
    "description",
    "sdgs",
    "targets",
    "strategy_refs",
    "responsible_unit",
    "partners",
    "from",
    "until",
    "status",
    "published",
    "resources",
]
INDICATOR_COLUMNS = [
    "goal_level",
    "goal_code",
    "indicator",
    "unit",
    "direction",
    "baseline",
    "baseline_year",
    "target",
    "target_year",
    "description",
    "published",
    "date",
    "value",
    "note",
]
FORMAT = "mitmachkarte-strategy"
FORMAT_VERSION = 1


class References:
    """How rows name nodes: the code where it is unique on its level, else the path."""

    def __init__(self, nodes: list[TreeNode]):
        self.counts = Counter((type(n.node), n.node.code) for n in walk(nodes))

    def name(self, node) -> str:
        if self.counts[(type(node), node.code)] == 1:
            return node.code
        return "/".join(levels.path_of(node))


def _aligned(node) -> dict:
    return {
        "sdgs": " ".join(str(s.number) for s in sorted(node.sdgs.all(), key=lambda s: s.number)),
        "targets": " ".join(t.number for t in node.targets.all()),
        "strategy_refs": " | ".join(node.strategy_refs or []),
    }


def structure_rows(strategy: Strategy) -> list[list]:
    nodes = tree(strategy, members=True)
    refs = References(nodes)
    rows = [STRUCTURE_COLUMNS]
    for item in walk(nodes):
        node = item.node
        level = levels.level_of(node)
        parent = levels.parent_of(node)
        row = dict.fromkeys(STRUCTURE_COLUMNS, "")
        row.update(
            level=level.key,
            code=node.code,
            parent_code="" if level is LEVELS[0] else refs.name(parent),
            title=node.title,
            description=node.description,
            published=int(node.published),
        )
        if level is not LEVELS[0]:
            row.update(_aligned(node))
        if level is MEASURE:
            row.update(
                responsible_unit=node.responsible_unit,
                partners=" ".join(sorted(p.slug for p in node.partners.all())),
                status=node.status,
                resources=node.resources,
            )
            row["from"] = node.starts_on.isoformat() if node.starts_on else ""
            row["until"] = node.ends_on.isoformat() if node.ends_on else ""
        rows.append([row[c] for c in STRUCTURE_COLUMNS])
    return rows


def indicator_rows(strategy: Strategy) -> list[list]:
    nodes = tree(strategy, members=True)
    refs = References(nodes)
    rows = [INDICATOR_COLUMNS]
    for item in walk(nodes):
        for view in item.indicators:
            ind = view.indicator
            head = [
                levels.level_of(item.node).key,
                refs.name(item.node),
                ind.name,
                ind.unit,
                ind.direction,
                ind.baseline_value,
                ind.baseline_year,
                ind.target_value,
                ind.target_year,
                ind.description,
                int(ind.published),
            ]
            for value in view.values or [None]:
                tail = [value.date.isoformat(), value.value, value.note] if value else ["", "", ""]
                rows.append(head + tail)
    return rows


def _num_text(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _node_json(item: TreeNode) -> dict:
    node = item.node
    level = levels.level_of(node)
    data = {
        "code": node.code,
        "title": node.title,
        "description": node.description,
        "published": node.published,
    }
    if level is not LEVELS[0]:
        data["sdgs"] = sorted(s.number for s in node.sdgs.all())
        data["targets"] = [t.number for t in node.targets.all()]
        data["strategy_refs"] = list(node.strategy_refs or [])
    if item.indicators or level.key in ("strategic_goal", "operational_goal"):
        data["indicators"] = [
            {
                "name": v.indicator.name,
                "unit": v.indicator.unit,
                "direction": v.indicator.direction,
                "baseline": _num_text(v.indicator.baseline_value),
                "baseline_year": v.indicator.baseline_year,
                "target": _num_text(v.indicator.target_value),
                "target_year": v.indicator.target_year,
                "description": v.indicator.description,
                "published": v.indicator.published,
                "values": [
                    {"date": x.date.isoformat(), "value": _num_text(x.value), "note": x.note}
                    for x in v.values
                ],
            }
            for v in item.indicators
        ]
    if level is MEASURE:
        data.update(
            responsible_unit=node.responsible_unit,
            partners=sorted(p.slug for p in node.partners.all()),
            resources=node.resources,
            status=node.status,
            starts_on=node.starts_on.isoformat() if node.starts_on else None,
            ends_on=node.ends_on.isoformat() if node.ends_on else None,
        )
    if level.children:
        data[level.children] = [_node_json(child) for child in item.children]
    return data


def strategy_json(strategy: Strategy) -> dict:
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "municipality": strategy.municipality.slug,
        "title": strategy.title,
        "summary": strategy.summary,
        "published": strategy.published,
        "fields": [_node_json(item) for item in tree(strategy, members=True)],
    }
