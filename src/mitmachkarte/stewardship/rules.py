"""Entry care: editors and moderators publish, see the history and review suggestions
("initiatives.publish_changes", organisations/rules.py); moderators see outdated entries."""

from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.permissions import add_perm
from mitmachkarte.organisations.rules import can_publish_initiative, is_moderator

add_perm(
    "stewardship.see_history",
    can_publish_initiative,
    _("Only the editors of this entry and its moderators see its history."),
)
add_perm(
    "stewardship.see_stale_entries",
    is_moderator,
    _("Only moderators see the list of outdated entries."),
)
