"""Kommunen mit ähnlichen Maßnahmen: published measures of other municipalities that share
SDG targets with a measure, then those sharing only goals, for peer exchange.

Ranked by the number of shared targets, then by shared goals (an SDG named by the measure
or by one of its targets), then by municipality name and code. Only what the other
municipality published counts (the measure, every node above it and its strategy).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from .measure_selectors import MUNICIPALITY, public_measures
from .models import Measure
from .rules_contributions import municipality_of

LIMIT = 8


@dataclass
class Peer:
    measure: Measure
    shared_targets: int
    shared_goals: int

    @property
    def municipality(self):
        return municipality_of(self.measure)


def _goals_and_targets(measure: Measure) -> tuple[set[int], set[int]]:
    targets = set(measure.targets.values_list("pk", flat=True))
    goals = set(measure.sdgs.values_list("number", flat=True)) | set(
        measure.targets.values_list("sdg_id", flat=True)
    )
    return goals, targets


def similar_measures(measure: Measure, *, limit: int = LIMIT) -> list[Peer]:
    goals, targets = _goals_and_targets(measure)
    if not goals:
        return []
    others = public_measures().exclude(**{MUNICIPALITY: municipality_of(measure)}).values("pk")
    by_target = Counter(
        Measure.targets.through.objects.filter(
            measure_id__in=others, sdgtarget_id__in=targets
        ).values_list("measure_id", flat=True)
    )
    shared_goals: dict[int, set[int]] = defaultdict(set)
    for pk, number in Measure.sdgs.through.objects.filter(
        measure_id__in=others, sdg_id__in=goals
    ).values_list("measure_id", "sdg_id"):
        shared_goals[pk].add(number)
    for pk, number in Measure.targets.through.objects.filter(
        measure_id__in=others, sdgtarget__sdg_id__in=goals
    ).values_list("measure_id", "sdgtarget__sdg_id"):
        shared_goals[pk].add(number)
    ranked = sorted(shared_goals, key=lambda pk: (-by_target.get(pk, 0), -len(shared_goals[pk])))
    # Ties on the counts are broken by place and code below, so take every measure that
    # could still make the cut.
    if len(ranked) > limit:
        last = ranked[limit - 1]
        cut = (by_target.get(last, 0), len(shared_goals[last]))
        ranked = [pk for pk in ranked if (by_target.get(pk, 0), len(shared_goals[pk])) >= cut]
    rows = {m.pk: m for m in public_measures().filter(pk__in=ranked)}
    peers = [Peer(rows[pk], by_target.get(pk, 0), len(shared_goals[pk])) for pk in ranked]
    peers.sort(
        key=lambda p: (
            -p.shared_targets,
            -p.shared_goals,
            p.municipality.name,
            p.measure.code,
            p.measure.pk,
        )
    )
    return peers[:limit]
