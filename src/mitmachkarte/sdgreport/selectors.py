"""The SDG report and the cooperation network of one municipality (reads only).

The report is built from *sources*: each is one small function `(municipality, today) ->
{goal number: count}` registered in `SOURCES`. A new source (as `count_solved_needs` for
the support exchange) is one more function and one more `Source(...)` line; the page, the
CSV and the chart pick it up. Counts are of distinct objects per goal, so one initiative with
three SDGs counts once under each of them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mitmachkarte.events.models import Event, EventStatus
from mitmachkarte.groups.models import Cooperation, CooperationStatus, WorkingGroup
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.support.selectors import solved_needs_by_sdg
from mitmachkarte.taxonomy.models import SDG

from .models import StrategyPriority

Counts = dict[int, int]


def _per_goal(queryset, sdg_path: str = "sdgs") -> Counts:
    rows = (
        queryset.filter(**{f"{sdg_path}__isnull": False})
        .order_by()
        .values(sdg_path)
        .annotate(n=Count("pk", distinct=True))
    )
    return {row[sdg_path]: row["n"] for row in rows}


def count_initiatives(municipality: Municipality, today: date) -> Counts:
    """Published initiatives in the municipality, per SDG they name."""
    return _per_goal(Initiative.objects.filter(status=Status.PUBLISHED, municipality=municipality))


def count_events(municipality: Municipality, today: date) -> Counts:
    """Published events in the municipality (any date), per SDG they name."""
    return _per_goal(
        Event.objects.filter(status=EventStatus.PUBLISHED, municipalities=municipality)
    )


def active_cooperations(municipality: Municipality, today: date):
    """Confirmed cooperations of the municipality that have not ended before today."""
    return Cooperation.objects.filter(
        municipality=municipality,
        status=CooperationStatus.CONFIRMED,
    ).filter(Q(until__isnull=True) | Q(until__gte=today))


def count_cooperations(municipality: Municipality, today: date) -> Counts:
    """Active confirmed cooperations, per SDG of the initiative they involve."""
    return _per_goal(
        active_cooperations(municipality, today), "initiative_organisation__initiative__sdgs"
    )


def count_working_groups(municipality: Municipality, today: date) -> Counts:
    """Working groups of the municipality, per SDG of their focus."""
    return _per_goal(WorkingGroup.objects.filter(municipality=municipality))


def count_solved_needs(municipality: Municipality, today: date) -> Counts:
    """Solved needs of the support exchange in the municipality, per SDG of the initiative
    whose need it was (any date)."""
    return {row["sdg"]: row["count"] for row in solved_needs_by_sdg(municipality)}


@dataclass(frozen=True)
class Source:
    key: str  # the CSV column
    label: Promise
    count: Callable[[Municipality, date], Counts]


SOURCES: list[Source] = [
    Source("initiatives", _("Initiatives"), count_initiatives),
    Source("events", _("Events"), count_events),
    Source("cooperations", _("Cooperations"), count_cooperations),
    Source("solved_needs", _("Solved needs"), count_solved_needs),
    Source("working_groups", _("Working groups"), count_working_groups),
]

# A prioritised goal has "little civic activity" below this share of the average goal.
LOW_ACTIVITY_SHARE = 0.5


@dataclass
class GoalRow:
    sdg: SDG
    counts: dict[str, int]
    total: int
    prioritised: bool
    targets: list[str] = field(default_factory=list)  # prioritised target numbers
    cooperating: list[str] = field(default_factory=list)  # initiatives cooperating on it
    share: float = 0.0  # of the largest total, for the bar chart


@dataclass
class Report:
    municipality: Municipality
    sources: list[Source]
    rows: list[GoalRow]
    low_activity: list[GoalRow]  # prioritised goals with little civic activity
    no_partners: list[GoalRow]  # prioritised goals without any active cooperation
    unprioritised_active: list[GoalRow]  # active fields the strategy lacks
    has_strategy: bool


def strategy_of(municipality: Municipality) -> dict[int, list[str]]:
    """Prioritised goal → its prioritised target numbers (empty list: the goal as a whole)."""
    result: dict[int, list[str]] = {}
    for priority in (
        StrategyPriority.objects.filter(municipality=municipality)
        .select_related("target")
        .order_by("sdg_id", "target__position")
    ):
        numbers = result.setdefault(priority.sdg_id, [])
        if priority.target_id:
            numbers.append(priority.target.number)
    return result


def cooperating_initiatives(municipality: Municipality, today: date) -> dict[int, list[str]]:
    """Goal → names of initiatives in an active confirmed cooperation serving it."""
    rows = (
        active_cooperations(municipality, today)
        .filter(initiative_organisation__initiative__sdgs__isnull=False)
        .values_list("initiative_organisation__initiative__sdgs", "initiative_organisation__name")
        .distinct()
    )
    result: dict[int, set[str]] = {}
    for goal, name in rows:
        result.setdefault(goal, set()).add(name)
    return {goal: sorted(names) for goal, names in result.items()}


def sdg_report(
    municipality: Municipality, *, today: date | None = None, sources: list[Source] | None = None
) -> Report:
    today = today or timezone.localdate()
    sources = SOURCES if sources is None else sources
    counted = {source.key: source.count(municipality, today) for source in sources}
    strategy = strategy_of(municipality)
    cooperating = cooperating_initiatives(municipality, today)
    rows = []
    for sdg in SDG.objects.order_by("number"):
        counts = {key: counts.get(sdg.number, 0) for key, counts in counted.items()}
        rows.append(
            GoalRow(
                sdg=sdg,
                counts=counts,
                total=sum(counts.values()),
                prioritised=sdg.number in strategy,
                targets=strategy.get(sdg.number, []),
                cooperating=cooperating.get(sdg.number, []),
            )
        )
    biggest = max((row.total for row in rows), default=0)
    average = sum(row.total for row in rows) / len(rows) if rows else 0
    for row in rows:
        row.share = row.total / biggest if biggest else 0.0
    return Report(
        municipality=municipality,
        sources=sources,
        rows=rows,
        low_activity=[
            r
            for r in rows
            if r.prioritised and (r.total == 0 or r.total < LOW_ACTIVITY_SHARE * average)
        ],
        no_partners=[r for r in rows if r.prioritised and not r.counts.get("cooperations")],
        unprioritised_active=[
            r for r in rows if not r.prioritised and r.total > 0 and r.total >= average
        ],
        has_strategy=bool(strategy),
    )
