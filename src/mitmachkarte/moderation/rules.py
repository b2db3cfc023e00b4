"""Who moderates: the network team everything, municipal members their municipality.

The rule per entry ("initiatives.moderate") is in organisations/rules.py with the other
rules about entries; these are the moderation pages.
"""

from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.permissions import add_perm
from mitmachkarte.organisations.rules import is_moderator, is_network_team

add_perm(
    "moderation.open_queue",
    is_moderator,
    _("Only the network team and municipal moderators can see the moderation queue."),
)
add_perm(
    "moderation.curate_tags",
    is_network_team,
    _("Only the network team curates tags."),
)
