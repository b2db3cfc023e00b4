"""Demo data for entry care (`load_demo_stewardship`; after load_demo_accounts; idempotent).

- The demo initiative editor (initiative@demo.example) gets a few versions in the history of
  their entry, so history, diff and revert can be tried at once.
- About 5 % of the published entries (two of them next to the demo entry) were last
  confirmed 19–30 months ago ("may be outdated", the moderators' stale list); the others
  within the last eleven months, so the flag stays the exception it is meant to be.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.initiatives.services import backdate_confirmations
from mitmachkarte.organisations.models import Membership, OrganisationType

from . import edits

EDITOR_EMAIL = "initiative@demo.example"
STALE_EVERY = 20  # every 20th entry by id: 5 %
DAY = timedelta(days=1)

EDITS = [
    {"meeting_times": "Jeden zweiten Samstag im Monat, 10–13 Uhr"},
    {"how_to_join": "Komm einfach vorbei – Werkzeug ist da, Kaffee auch."},
    {"meeting_times": "Jeden zweiten Samstag im Monat, 10–14 Uhr"},
]


@dataclass
class DemoReport:
    initiative: str
    versions_added: int
    stale: int


def _stale_days(pk: int) -> int:
    return 19 * 30 + (pk * 37) % (11 * 30)  # 19 to 30 months, spread by id


def _fresh_days(pk: int) -> int:
    return (pk * 13) % 330


@transaction.atomic
def load() -> DemoReport:
    user = get_user_model().objects.filter(email__iexact=EDITOR_EMAIL).first()
    membership = (
        Membership.objects.filter(user=user, organisation__type=OrganisationType.INITIATIVE)
        .select_related("organisation__initiative")
        .first()
        if user
        else None
    )
    if membership is None or membership.organisation.initiative is None:
        raise LookupError(f"{EDITOR_EMAIL} edits no entry: run `mitmachkarte load_demo_accounts`")
    initiative = membership.organisation.initiative
    added = 0
    if not initiative.history.filter(history_user=user).exists():
        for changes in EDITS:
            edits.update_initiative(initiative=initiative, changes=changes, user=user)
            added += 1

    now = timezone.now()
    stale = 0
    published = Initiative.objects.filter(status=Status.PUBLISHED).exclude(pk=initiative.pk)
    # Two in the demo moderator's municipality too, so their stale list is not empty.
    neighbours = set(
        published.filter(municipality_id=initiative.municipality_id)
        .exclude(municipality=None)
        .order_by("pk")
        .values_list("pk", flat=True)[:2]
    )
    dates = {}
    for pk, confirmed in published.values_list("pk", "last_confirmed_at"):
        if pk % STALE_EVERY == 0 or pk in neighbours:
            stale += 1
            if confirmed > now - 19 * 30 * DAY:
                dates[pk] = now - _stale_days(pk) * DAY
        elif confirmed < now - 330 * DAY:
            dates[pk] = now - _fresh_days(pk) * DAY
    backdate_confirmations(dates=dates)
    return DemoReport(initiative=initiative.name, versions_added=added, stale=stale)
