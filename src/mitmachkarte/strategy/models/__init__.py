"""The strategy's models, by what they hold: the tree, indicators, contributions."""

from .contributions import Contribution, ContributionStatus
from .indicators import Direction, Indicator, IndicatorValue
from .structure import (
    Aligned,
    Measure,
    MeasureStatus,
    Node,
    OperationalGoal,
    ProgressNote,
    StrategicGoal,
    Strategy,
    ThematicField,
)

__all__ = [
    "Aligned",
    "Contribution",
    "ContributionStatus",
    "Direction",
    "Indicator",
    "IndicatorValue",
    "Measure",
    "MeasureStatus",
    "Node",
    "OperationalGoal",
    "ProgressNote",
    "StrategicGoal",
    "Strategy",
    "ThematicField",
]
