"""Reads of a strategy: the tree as members and as the public see it, contributors,
indicators with their assessment and chart, and the per-SDG view of the SDG report.

`members=True` shows unpublished nodes too (marked); otherwise a node is left out when it
or anything above it is unpublished, and the whole strategy is absent while unpublished.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from mitmachkarte.municipalities.models import Municipality

from . import measure_selectors
from .assessment import Assessment, assess_indicator
from .chart import Chart, chart_of
from .models import (
    Contribution,
    ContributionStatus,
    Indicator,
    IndicatorValue,
    Measure,
    OperationalGoal,
    StrategicGoal,
    Strategy,
    ThematicField,
)


@dataclass
class IndicatorView:
    indicator: Indicator
    values: list[IndicatorValue]
    assessment: Assessment
    chart: Chart
    public: bool


@dataclass
class Contributor:
    kind: str
    name: str
    url: str


@dataclass
class TreeNode:
    node: object
    public: bool  # it and everything above it published
    children: list["TreeNode"] = field(default_factory=list)
    indicators: list[IndicatorView] = field(default_factory=list)
    contributors: list[Contributor] = field(default_factory=list)

    @property
    def level(self) -> str:
        return type(self.node).__name__


def strategy_for(municipality: Municipality, *, members: bool = False) -> Strategy | None:
    strategy = Strategy.objects.filter(municipality=municipality).first()
    if strategy is None or (not strategy.published and not members):
        return None
    return strategy


def _url(target) -> str:
    method = getattr(target, "get_absolute_url", None)
    return method() if method else ""


def contributors_by_measure(measure_ids) -> dict[int, list[Contributor]]:
    """Confirmed contributions per measure, public targets only."""
    result: dict[int, list[Contributor]] = {}
    rows = Contribution.objects.filter(
        measure_id__in=list(measure_ids), status=ContributionStatus.CONFIRMED
    ).select_related(*measure_selectors.TARGET_RELATIONS)
    for row in rows.order_by("measure_id", "created_at"):
        target = row.target
        if measure_selectors.publicly_visible(row):
            result.setdefault(row.measure_id, []).append(
                Contributor(row.kind, str(target), _url(target))
            )
    return result


def indicator_view(indicator: Indicator, *, public: bool) -> IndicatorView:
    values = sorted(indicator.values.all(), key=lambda v: v.date)
    return IndicatorView(
        indicator, values, assess_indicator(indicator, values), chart_of(indicator, values), public
    )


def _prefetched(strategy: Strategy):
    indicators = Prefetch(
        "indicators", queryset=Indicator.objects.prefetch_related("values").order_by("position")
    )
    measures = Prefetch(
        "measures",
        queryset=Measure.objects.prefetch_related("sdgs", "targets", "partners"),
    )
    ogoals = Prefetch(
        "operational_goals",
        queryset=OperationalGoal.objects.prefetch_related("sdgs", "targets", indicators, measures),
    )
    goals = Prefetch(
        "goals",
        queryset=StrategicGoal.objects.prefetch_related("sdgs", "targets", indicators, ogoals),
    )
    return ThematicField.objects.filter(strategy=strategy).prefetch_related(goals)


def _indicators(goal, public: bool, members: bool) -> list[IndicatorView]:
    return [
        indicator_view(i, public=public and i.published)
        for i in goal.indicators.all()
        if members or i.published
    ]


def tree(strategy: Strategy, *, members: bool = False) -> list[TreeNode]:
    """The thematic fields with everything below, in order; see the module doc."""
    result = []
    measure_nodes = []
    for fld in _prefetched(strategy):
        f_public = strategy.published and fld.published
        if not (members or f_public):
            continue
        f_node = TreeNode(fld, f_public)
        for goal in fld.goals.all():
            g_public = f_public and goal.published
            if not (members or g_public):
                continue
            g_node = TreeNode(goal, g_public, indicators=_indicators(goal, g_public, members))
            for ogoal in goal.operational_goals.all():
                o_public = g_public and ogoal.published
                if not (members or o_public):
                    continue
                o_node = TreeNode(ogoal, o_public, indicators=_indicators(ogoal, o_public, members))
                for measure in ogoal.measures.all():
                    m_public = o_public and measure.published
                    if members or m_public:
                        m_node = TreeNode(measure, m_public)
                        o_node.children.append(m_node)
                        measure_nodes.append(m_node)
                g_node.children.append(o_node)
            f_node.children.append(g_node)
        result.append(f_node)
    contributors = contributors_by_measure(n.node.pk for n in measure_nodes)
    for m_node in measure_nodes:
        m_node.contributors = contributors.get(m_node.node.pk, [])
    return result


def walk(nodes: list[TreeNode]):
    """Every node of a tree, depth first."""
    for node in nodes:
        yield node
        yield from walk(node.children)


def visible_measure(municipality: Municipality, pk: int, *, members: bool) -> Measure | None:
    """A measure of this municipality if the viewer may see it."""
    measure = (
        Measure.objects.filter(
            pk=pk, operational_goal__strategic_goal__field__strategy__municipality=municipality
        )
        .select_related("operational_goal__strategic_goal__field__strategy")
        .first()
    )
    if measure is None or members:
        return measure
    from .levels import ancestors_published

    return measure if ancestors_published(measure) else None


# --- the SDG report's strategy view ----------------------------------------------------------


@dataclass
class MeasureSummary:
    measure: Measure
    indicators: list[IndicatorView]
    contributor_count: int


def measures_by_sdg(municipality: Municipality) -> dict[int, list[MeasureSummary]]:
    """Per SDG number, the published measures naming it (or one of its targets), with the
    published indicators of their operational goal and their confirmed contributors."""
    strategy = strategy_for(municipality)
    if strategy is None:
        return {}
    result: dict[int, list[MeasureSummary]] = {}
    for node in walk(tree(strategy)):
        if not isinstance(node.node, OperationalGoal):
            continue
        for m_node in node.children:
            measure = m_node.node
            numbers = {s.number for s in measure.sdgs.all()} | {
                t.sdg_id for t in measure.targets.all()
            }
            summary = MeasureSummary(measure, node.indicators, len(m_node.contributors))
            for number in sorted(numbers):
                result.setdefault(number, []).append(summary)
    return result


# The services store these reasons as codes (save_versioned); the editor names them in German.
VERSION_REASONS = {
    "created": _("created"),
    "edited": _("edited"),
    "moved": _("moved"),
    "deleted": _("deleted"),
    "published": _("published"),
    "unpublished": _("withdrawn"),
}


def version_reason(record) -> str:
    """What a history record of a node did, in the reader's language."""
    reason = record.history_change_reason or ""
    return VERSION_REASONS.get(reason, reason) or record.get_history_type_display()
