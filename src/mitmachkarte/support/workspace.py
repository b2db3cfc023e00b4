"""The municipal workspace: where a sustainability manager starts the day.

An interface module (like views): it reads initiatives and events through their selectors
and models, which the support domain itself never imports."""

from datetime import timedelta
from itertools import chain

from dateutil.relativedelta import relativedelta
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from mitmachkarte.core.csv_export import csv_download
from mitmachkarte.core.permissions import require_perm
from mitmachkarte.events import selectors as event_selectors
from mitmachkarte.events.filters import EventFilter
from mitmachkarte.initiatives import selectors as initiative_selectors
from mitmachkarte.organisations.models import Organisation

from . import selectors

STALE_AFTER = relativedelta(months=18)
NEW_WITHIN = timedelta(days=90)


def _organisation(request, slug: str) -> Organisation:
    organisation = get_object_or_404(Organisation.objects.select_related("municipality"), slug=slug)
    require_perm(request.user, "support.see_workspace", organisation)
    return organisation


def territory_initiatives(municipality):
    return initiative_selectors.published().filter(municipality=municipality)


def stale_cutoff(now=None):
    return (now or timezone.now()) - STALE_AFTER


@login_required
@require_GET
def workspace(request, slug: str):
    organisation = _organisation(request, slug)
    municipality = organisation.municipality
    initiatives = territory_initiatives(municipality)
    now = timezone.now()
    occurrences = event_selectors.with_listing_data(
        event_selectors.filter_occurrences(EventFilter(municipality=municipality))
    )[:10]
    return render(
        request,
        "support/workspace.html",
        {
            "organisation": organisation,
            "municipality": municipality,
            "initiative_count": initiatives.count(),
            "by_category": initiative_selectors.counts_by_category(initiatives),
            "by_sdg": initiative_selectors.counts_by_sdg(initiatives),
            "new_initiatives": initiatives.filter(created_at__gte=now - NEW_WITHIN).order_by(
                "-created_at"
            )[:20],
            "stale_initiatives": initiatives.filter(
                last_confirmed_at__lt=stale_cutoff(now)
            ).order_by("last_confirmed_at")[:50],
            "stale_count": initiatives.filter(last_confirmed_at__lt=stale_cutoff(now)).count(),
            "needs_by_type": selectors.open_needs_by_type(municipality),
            "open_needs": selectors.filter_needs(municipality=municipality)[:50],
            "open_need_count": selectors.filter_needs(municipality=municipality).count(),
            "offers": selectors.offers_of([organisation]),
            "occurrences": occurrences,
        },
    )


@login_required
@require_GET
def workspace_csv(request, slug: str):
    """Initiatives of the territory with their open needs (no personal data)."""
    organisation = _organisation(request, slug)
    municipality = organisation.municipality
    initiatives = territory_initiatives(municipality).prefetch_related("categories", "sdgs")
    open_needs = {}
    for need in selectors.filter_needs(municipality=municipality):
        if need.organisation.initiative_id:
            open_needs.setdefault(need.organisation.initiative_id, []).append(need)
    cutoff = stale_cutoff()
    base = request.build_absolute_uri("/").rstrip("/")
    header = [
        "name",
        "url",
        "categories",
        "sdgs",
        "created",
        "last_confirmed",
        "stale",
        "open_needs",
    ]
    rows = (
        [
            i.name,
            base + i.get_absolute_url(),
            ", ".join(c.slug for c in i.categories.all()),
            ", ".join(str(s.number) for s in i.sdgs.all()),
            i.created_at.date().isoformat(),
            i.last_confirmed_at.date().isoformat(),
            "1" if i.last_confirmed_at < cutoff else "0",
            " | ".join(f"{n.get_need_type_display()}: {n.title}" for n in open_needs.get(i.pk, [])),
        ]
        for i in initiatives.order_by("name")
    )
    return csv_download(chain([header], rows), filename=f"arbeitsbereich-{municipality.slug}.csv")
