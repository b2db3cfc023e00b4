"""The public strategy page (/kommunen/<slug>/strategie/) and the link target of a measure.

Unpublished parts are a 404 for everyone but the municipality's members and the network
team, who see them marked. Editing: views_edit.py, views_indicators.py; files: views_io.py;
the council report: views_report.py.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from mitmachkarte.core.permissions import has_perm
from mitmachkarte.municipalities.models import Municipality

from . import selectors


def viewer(request, slug: str) -> tuple[Municipality, bool]:
    """The municipality of the URL and whether the visitor is one of its strategy editors."""
    municipality = get_object_or_404(Municipality, slug=slug)
    return municipality, has_perm(request.user, "strategy.edit", municipality)


def visible_strategy(request, slug: str):
    municipality, members = viewer(request, slug)
    strategy = selectors.strategy_for(municipality, members=members)
    if strategy is None:
        if members:
            return municipality, members, None
        raise Http404("no published strategy")
    return municipality, members, strategy


def public(request, slug: str):
    municipality, members, strategy = visible_strategy(request, slug)
    if strategy is None:  # a member, before anything exists
        return redirect("strategy:edit", slug=municipality.slug)
    return render(
        request,
        "strategy/public.html",
        {
            "municipality": municipality,
            "strategy": strategy,
            "fields": selectors.tree(strategy, members=members),
            "members": members,
        },
    )
