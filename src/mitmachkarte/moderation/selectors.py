"""Reads of the moderation: the queue in a moderator's scope, decisions, reports."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from mitmachkarte.core.geocoding import at_postcode_centre
from mitmachkarte.initiatives.duplicates import Duplicate, find_duplicates
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.organisations.rules import is_network_team, municipalities_moderated_by

from .models import Decision, ProblemReport, Proposal, ReportStatus


def scope_filter(user, prefix: str = "") -> Q | None:
    """A Q restricting initiatives (at `prefix`) to what `user` moderates; None = everything."""
    if is_network_team(user):
        return None
    ids = list(municipalities_moderated_by(user).values_list("pk", flat=True))
    return Q(**{f"{prefix}municipality_id__in": ids})


def _scoped(qs: QuerySet, user, prefix: str = "") -> QuerySet:
    q = scope_filter(user, prefix)
    return qs if q is None else qs.filter(q)


@dataclass
class QueueItem:
    initiative: Initiative
    proposal: Proposal | None
    decisions: list[Decision]
    duplicates: list[Duplicate] = field(default_factory=list)


def _with_related(qs: QuerySet) -> QuerySet:
    return qs.select_related("municipality", "proposal").prefetch_related(
        "categories",
        "sdgs",
        "tags",
        Prefetch("decisions", queryset=Decision.objects.select_related("moderator")),
    )


def pending_queue(user) -> list[QueueItem]:
    """Entries waiting for review in `user`'s scope, oldest first, with likely duplicates."""
    qs = _with_related(_scoped(Initiative.objects.filter(status=Status.PENDING), user))
    items = []
    for initiative in qs.order_by("created_at", "pk"):
        items.append(
            QueueItem(
                initiative=initiative,
                proposal=getattr(initiative, "proposal", None),
                decisions=list(initiative.decisions.all()),
                duplicates=find_duplicates(
                    name=initiative.name,
                    latitude=initiative.latitude,
                    longitude=initiative.longitude,
                    website=initiative.website,
                    contact_email=initiative.contact_email,
                    postcode=initiative.postcode,
                    # Where the point is the postcode's centre it was geocoded, not placed.
                    geocoded=at_postcode_centre(
                        initiative.postcode, initiative.latitude, initiative.longitude
                    ),
                    exclude_id=initiative.pk,
                ),
            )
        )
    return items


def pending_count(user) -> int:
    """How many entries wait for review in `user`'s scope (without the duplicate search)."""
    return _scoped(Initiative.objects.filter(status=Status.PENDING), user).count()


def awaiting_revision(user) -> QuerySet[Initiative]:
    """Proposals sent back to their proposers (draft with a proposal)."""
    return _with_related(
        _scoped(Initiative.objects.filter(status=Status.DRAFT, proposal__isnull=False), user)
    ).order_by("updated_at")


def open_reports(user) -> QuerySet[ProblemReport]:
    qs = ProblemReport.objects.filter(status=ReportStatus.OPEN).select_related(
        "initiative", "initiative__municipality"
    )
    return _scoped(qs, user, "initiative__").order_by("created_at", "pk")


def recent_decisions(user, *, limit: int = 30) -> QuerySet[Decision]:
    qs = Decision.objects.select_related("initiative", "moderator")
    return _scoped(qs, user, "initiative__")[:limit]
