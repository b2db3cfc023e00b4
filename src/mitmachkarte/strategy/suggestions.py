"""Likely contributors to a measure: initiatives, ranked by the score documented in
docs/strategy.md ("Vorschläge/Suggestions"). Change both together.

Candidates are the published initiatives the municipality's side may link (in the
municipality, or cooperating with it), less those already linked, proposed or declined for
this measure. Points:

- territory: +3 when the initiative is in the measure's municipality;
- SDGs: +2 per SDG of the initiative that the measure names (itself or through its
  targets), +1 per SDG that only the measure's operational or strategic goal names;
- categories: +1 per category shared with initiatives already confirmed for the measure, at
  most +2 (the taxonomy maps no categories to SDGs, so "matching categories" means "like
  those already contributing");
- cooperation: +2 for a confirmed cooperation with the municipality that runs today;
- freshness: +1 when the entry was confirmed in the last 365 days, −1 when it may be
  outdated (not confirmed for about 18 months).
Only initiatives with at least one SDG or category point are suggested. Ties go by name.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.groups.models import Cooperation, CooperationStatus
from mitmachkarte.initiatives.models import Initiative

from .measure_selectors import initiatives_serving
from .models import Contribution, ContributionStatus, Measure
from .rules_contributions import municipality_of

TERRITORY, DIRECT_SDG, GOAL_SDG, CATEGORY, CATEGORY_MAX, COOPERATION = 3, 2, 1, 1, 2, 2
FRESH, OUTDATED = 1, -1
FRESH_DAYS = 365
LIMIT = 10


@dataclass
class Suggestion:
    initiative: Initiative
    score: int
    reasons: list[str] = field(default_factory=list)


def _sdgs_of(node) -> set[int]:
    return set(node.sdgs.values_list("number", flat=True)) | set(
        node.targets.values_list("sdg_id", flat=True)
    )


def measure_sdgs(measure: Measure) -> tuple[set[int], set[int]]:
    """(the measure's own SDGs, the SDGs only its goals name)."""
    own = _sdgs_of(measure)
    operational = measure.operational_goal
    goals = (_sdgs_of(operational) | _sdgs_of(operational.strategic_goal)) - own
    return own, goals


def _contributor_categories(measure: Measure) -> set[int]:
    confirmed = Contribution.objects.filter(
        measure=measure, status=ContributionStatus.CONFIRMED, initiative__isnull=False
    ).values("initiative_id")
    return set(
        Initiative.categories.through.objects.filter(initiative_id__in=confirmed).values_list(
            "category_id", flat=True
        )
    )


def suggest(measure: Measure, *, limit: int = LIMIT) -> list[Suggestion]:
    municipality = municipality_of(measure)
    own, goals = measure_sdgs(measure)
    categories = _contributor_categories(measure)
    taken = Contribution.objects.filter(measure=measure, initiative__isnull=False).values(
        "initiative_id"
    )
    candidates = (
        initiatives_serving(municipality)
        .exclude(pk__in=taken)
        .filter(Q(sdgs__in=own | goals) | Q(categories__in=categories))
        .distinct()
        .prefetch_related("sdgs", "categories")
    )
    today = timezone.localdate()
    cooperating = set(
        Cooperation.objects.filter(municipality=municipality, status=CooperationStatus.CONFIRMED)
        .filter(Q(until__isnull=True) | Q(until__gte=today), since__lte=today)
        .values_list("initiative_organisation__initiative", flat=True)
    )
    fresh_since = timezone.now() - timedelta(days=FRESH_DAYS)
    found = []
    for initiative in candidates:
        sdgs = {s.number for s in initiative.sdgs.all()}
        shared_categories = {c.pk for c in initiative.categories.all()} & categories
        direct, indirect = sorted(sdgs & own), sorted(sdgs & goals)
        thematic = (
            DIRECT_SDG * len(direct)
            + GOAL_SDG * len(indirect)
            + min(CATEGORY * len(shared_categories), CATEGORY_MAX)
        )
        if thematic <= 0:
            continue
        score, reasons = thematic, []
        if direct:
            reasons.append(_("SDG %(numbers)s of the measure") % {"numbers": _join(direct)})
        if indirect:
            reasons.append(_("SDG %(numbers)s of its goals") % {"numbers": _join(indirect)})
        if shared_categories:
            reasons.append(_("same category as its contributors"))
        if initiative.municipality_id == municipality.pk:
            score += TERRITORY
            reasons.append(_("in %(name)s") % {"name": municipality.name})
        if initiative.pk in cooperating:
            score += COOPERATION
            reasons.append(_("cooperates with the municipality"))
        if initiative.may_be_outdated:
            score += OUTDATED
        elif initiative.last_confirmed_at >= fresh_since:
            score += FRESH
        found.append(Suggestion(initiative, score, reasons))
    found.sort(key=lambda s: (-s.score, s.initiative.name.casefold(), s.initiative.pk))
    return found[:limit]


def _join(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers)
