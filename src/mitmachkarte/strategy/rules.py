"""Who edits a municipality's strategy: its own organisation's members (its sustainability
management) and the network team; the same people see its unpublished parts."""

from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.permissions import add_perm
from mitmachkarte.organisations.rules import moderates_municipality

add_perm(
    "strategy.edit",
    moderates_municipality,
    _("Only the municipality's sustainability management may change its strategy."),
)
