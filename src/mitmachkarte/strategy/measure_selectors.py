"""Reads for measure pages and contributions: what is public, who contributes, what can be
linked. A measure is public when it, every node above it and the strategy are published."""

from django.db.models import Q, QuerySet

from mitmachkarte.events.models import Event, EventStatus
from mitmachkarte.groups.models import Cooperation, CooperationStatus, WorkingGroup
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.organisations.models import OrganisationType
from mitmachkarte.support.models import Need, NeedStatus

from .models import Contribution, ContributionStatus, Measure

PUBLIC = Q(
    published=True,
    operational_goal__published=True,
    operational_goal__strategic_goal__published=True,
    operational_goal__strategic_goal__field__published=True,
    operational_goal__strategic_goal__field__strategy__published=True,
)
MUNICIPALITY = "operational_goal__strategic_goal__field__strategy__municipality"
KIND_ORDER = ("initiative", "cooperation", "working_group", "event", "need")


def measures() -> QuerySet[Measure]:
    return Measure.objects.select_related(
        "operational_goal__strategic_goal__field__strategy__municipality"
    )


def public_measures() -> QuerySet[Measure]:
    return measures().filter(PUBLIC)


def is_public(measure: Measure) -> bool:
    return public_measures().filter(pk=measure.pk).exists()


def measure_of_municipality(*, slug: str, pk: int) -> Measure | None:
    return measures().filter(**{f"{MUNICIPALITY}__slug": slug}, pk=pk).first()


# What `publicly_visible` reads of a contribution's target, loaded with it.
TARGET_RELATIONS = (
    "initiative",
    "event",
    "cooperation__initiative_organisation__initiative",
    "working_group",
    "need__organisation__initiative",
)


def contributions(measure: Measure, *, status: str) -> list[Contribution]:
    return list(
        Contribution.objects.filter(measure=measure, status=status).select_related(
            *TARGET_RELATIONS, "cooperation__partner", "proposed_by"
        )
    )


def publicly_visible(contribution: Contribution) -> bool:
    """Public pages list only what is public itself: a published initiative or event, a
    public working group, a confirmed cooperation or a solved need of a published
    initiative (or of an organisation without one)."""
    kind, target = contribution.kind, contribution.target
    if kind == "initiative":
        return target.is_published
    if kind == "event":
        return target.is_published
    if kind == "working_group":
        return target.is_public
    if kind == "cooperation":
        initiative = target.initiative_organisation.initiative
        return target.status == CooperationStatus.CONFIRMED and (
            initiative is None or initiative.is_published
        )
    initiative = target.organisation.initiative
    return target.status == NeedStatus.SOLVED and (initiative is None or initiative.is_published)


def grouped(items: list[Contribution]) -> list[tuple[str, list[Contribution]]]:
    """[(kind, contributions)] in a fixed order of kinds, empty kinds left out."""
    by_kind: dict[str, list[Contribution]] = {}
    for item in items:
        by_kind.setdefault(item.kind, []).append(item)
    return [(kind, by_kind[kind]) for kind in KIND_ORDER if kind in by_kind]


def measures_of_initiative(initiative: Initiative) -> list[Measure]:
    """Published measures the initiative contributes to, confirmed only: directly or through
    its cooperations, events and solved needs."""
    through = (
        Q(initiative=initiative)
        | Q(cooperation__initiative_organisation__initiative=initiative)
        | Q(event__organiser_initiative=initiative)
        | Q(need__organisation__initiative=initiative)
    )
    ids = Contribution.objects.filter(through, status=ContributionStatus.CONFIRMED).values(
        "measure_id"
    )
    return list(public_measures().filter(pk__in=ids).order_by(f"{MUNICIPALITY}__name", "code"))


def served_municipality_ids(initiative: Initiative) -> set[int]:
    """The initiative's municipality and those it cooperates with (confirmed)."""
    ids = set(
        Cooperation.objects.filter(
            initiative_organisation__initiative=initiative,
            status=CooperationStatus.CONFIRMED,
        ).values_list("municipality_id", flat=True)
    )
    if initiative.municipality_id:
        ids.add(initiative.municipality_id)
    return ids


def proposable_measures(initiative: Initiative) -> QuerySet[Measure]:
    return (
        public_measures()
        .filter(**{f"{MUNICIPALITY}__in": served_municipality_ids(initiative)})
        .order_by(
            f"{MUNICIPALITY}__name", "operational_goal__strategic_goal__field__position", "code"
        )
    )


def initiatives_serving(municipality) -> QuerySet[Initiative]:
    cooperating = Cooperation.objects.filter(
        municipality=municipality, status=CooperationStatus.CONFIRMED
    ).values("initiative_organisation__initiative")
    return Initiative.objects.filter(
        Q(municipality=municipality) | Q(pk__in=cooperating), status=Status.PUBLISHED
    )


def linkable(municipality, *, limit: int = 300) -> dict[str, list]:
    """What the municipality's side may link, per kind (the link form's choices)."""
    return {
        "initiative": list(initiatives_serving(municipality).order_by("name")[:limit]),
        "event": list(
            Event.objects.filter(
                municipalities=municipality, status=EventStatus.PUBLISHED
            ).order_by("-start")[:limit]
        ),
        "cooperation": list(
            Cooperation.objects.filter(
                municipality=municipality, status=CooperationStatus.CONFIRMED
            )
            .select_related("initiative_organisation", "partner")
            .order_by("initiative_organisation__name")[:limit]
        ),
        "working_group": list(groups_serving(municipality).order_by("name")[:limit]),
        "need": list(
            Need.objects.filter(municipality=municipality, status=NeedStatus.SOLVED)
            .select_related("organisation")
            .order_by("-updated_at")[:limit]
        ),
    }


def groups_serving(municipality) -> QuerySet[WorkingGroup]:
    return WorkingGroup.objects.filter(
        Q(municipality=municipality)
        | Q(
            organisations__type=OrganisationType.MUNICIPALITY,
            organisations__municipality=municipality,
        )
    ).distinct()
