"""A municipality's strategy priorities are changed by its own organisation's members (its
sustainability management) and the network team."""

from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.permissions import add_perm
from mitmachkarte.organisations.rules import moderates_municipality

add_perm(
    "sdgreport.edit_strategy",
    moderates_municipality,
    _("Only the municipality's sustainability management may change its strategy."),
)
