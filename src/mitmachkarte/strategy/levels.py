"""The four levels of the tree, in one table that services, selectors, imports and views share.

A node's *path* is the tuple of codes from its thematic field down to it: codes are unique
per parent, so the path names a node within its strategy.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Measure, OperationalGoal, StrategicGoal, Strategy, ThematicField


@dataclass(frozen=True)
class Level:
    key: str  # in CSV and JSON files
    slug: str  # in URLs
    model: type
    parent_field: str  # the foreign key to the level above (the strategy for fields)
    children: str | None  # related name of the level below
    label: Promise
    aliases: tuple[str, ...] = ()  # also accepted in imported files (German spreadsheets)


FIELD = Level(
    "field",
    "themenfeld",
    ThematicField,
    "strategy",
    "goals",
    _("thematic field"),
    ("themenfeld", "thematic_field", "handlungsfeld"),
)
STRATEGIC_GOAL = Level(
    "strategic_goal",
    "ziel",
    StrategicGoal,
    "field",
    "operational_goals",
    _("strategic goal"),
    ("strategisches ziel", "strategisches_ziel", "leitziel"),
)
OPERATIONAL_GOAL = Level(
    "operational_goal",
    "operatives-ziel",
    OperationalGoal,
    "strategic_goal",
    "measures",
    _("operational goal"),
    ("operatives ziel", "operatives_ziel"),
)
MEASURE = Level(
    "measure", "massnahme", Measure, "operational_goal", None, _("measure"), ("maßnahme",)
)
LEVELS = (FIELD, STRATEGIC_GOAL, OPERATIONAL_GOAL, MEASURE)
BY_KEY = {level.key: level for level in LEVELS}
BY_SLUG = {level.slug: level for level in LEVELS}
BY_MODEL = {level.model: level for level in LEVELS}


def level_named(text: str) -> Level | None:
    """The level a file names, by key or alias, case-insensitively."""
    name = (text or "").strip().lower()
    for level in LEVELS:
        if name == level.key or name in level.aliases or name == str(level.label).lower():
            return level
    return None


def level_of(node) -> Level:
    return BY_MODEL[type(node)]


def parent_level(level: Level) -> Level | None:
    index = LEVELS.index(level)
    return LEVELS[index - 1] if index else None


def parent_of(node):
    """The node above (the Strategy for a thematic field)."""
    return getattr(node, level_of(node).parent_field)


def path_of(node) -> tuple[str, ...]:
    codes = []
    while not isinstance(node, Strategy):
        codes.append(node.code)
        node = parent_of(node)
    return tuple(reversed(codes))


def strategy_of(node) -> Strategy:
    while not isinstance(node, Strategy):
        node = parent_of(node)
    return node


def ancestors_published(node) -> bool:
    """Whether the node, every node above it and the strategy are published."""
    while not isinstance(node, Strategy):
        if not node.published:
            return False
        node = parent_of(node)
    return node.published


def nodes_of(strategy: Strategy, level: Level):
    """All nodes of a level in a strategy (a queryset)."""
    lookup = {
        "field": "strategy",
        "strategic_goal": "field__strategy",
        "operational_goal": "strategic_goal__field__strategy",
        "measure": "operational_goal__strategic_goal__field__strategy",
    }[level.key]
    return level.model.objects.filter(**{lookup: strategy})
