"""The "contributes to" snippet of an initiative's page, so the initiatives app reads
contributions through this app only (it does not import strategy's views)."""

from django import template

from mitmachkarte.core.permissions import has_perm

from .. import measure_selectors

register = template.Library()


@register.inclusion_tag("strategy/measure_list_initiative.html", takes_context=True)
def initiative_measures(context, initiative):
    request = context.get("request")
    user = getattr(request, "user", None)
    organisation = getattr(initiative, "organisation", None)
    can_propose = bool(
        user is not None
        and user.is_authenticated
        and organisation is not None
        and has_perm(user, "strategy.propose_contribution", organisation)
        # No link into a page that could offer nothing.
        and measure_selectors.proposable_measures(initiative).exists()
    )
    return {
        "initiative": initiative,
        "measures": measure_selectors.measures_of_initiative(initiative),
        "can_propose": can_propose,
    }
