"""The network team manages surveys and exports single responses; municipal members see
the aggregated results of their municipality (the scope itself: selectors.territory_of)."""

from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.permissions import add_perm
from mitmachkarte.organisations.rules import is_moderator, is_network_team, moderates_municipality

add_perm(
    "surveys.manage_surveys",
    is_network_team,
    _("Only the network team manages surveys."),
)
add_perm(
    "surveys.see_results",
    is_moderator,
    _("Only the network team and municipalities see results."),
)
add_perm(
    "surveys.export_responses",
    is_network_team,
    _("Exports of single responses are for the network team."),
)
add_perm(
    "surveys.see_municipality_results",
    moderates_municipality,
    _("Only members of this municipality and the network team see its survey results."),
)
