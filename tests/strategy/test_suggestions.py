"""Suggested contributors are ranked as docs/strategy.md ("Vorschläge/Suggestions") says."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.strategy import contributions as svc
from mitmachkarte.strategy import suggestions
from tests.strategy.factories_contrib import (
    c_cooperation,
    c_initiative,
    c_initiative_member,
    c_measure,
    c_municipal_member,
    c_town,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(reference_data):
    town, other = c_town("Bochum"), c_town("Herne")
    # The measure names SDG 12 and, through target 11.6, SDG 11; its goal names SDG 13.
    measure = c_measure(town, sdgs=[12], targets=["11.6"], goal_sdgs=[13])
    return town, other, measure, c_municipal_member(town)


def test_ranking_as_documented(setting):
    town, other, measure, manager = setting
    # 2 SDGs of the measure (2 × 2) + territory 3 + fresh 1 = 8
    c_initiative(town, name="Anton", sdgs=[12, 11])
    # 1 goal SDG (1) + territory 3 + fresh 1 = 5
    c_initiative(town, name="Berta", sdgs=[13])
    # 1 SDG of the measure (2) + running cooperation 2 + fresh 1 = 5 (not in the territory)
    carl = c_initiative(other, name="Carl", sdgs=[12])
    c_cooperation(town, carl)
    # 1 SDG (2) + territory 3 − outdated 1 = 4
    dora = c_initiative(town, name="Dora", sdgs=[12])
    Initiative.objects.filter(pk=dora.pk).update(
        last_confirmed_at=timezone.now() - timedelta(days=600)
    )
    # The category of a confirmed contributor (1) + territory 3 + fresh 1 = 5
    xaver = c_initiative(town, name="Xaver", categories=["food"], sdgs=[12])
    svc.link_contribution(user=manager, measure=measure, target=xaver)
    c_initiative(town, name="Hanna", categories=["food"])
    # Neither SDG nor category in common: not suggested.
    c_initiative(town, name="Emil", sdgs=[3])
    # Elsewhere and not cooperating: cannot be linked, so not suggested.
    c_initiative(other, name="Fritz", sdgs=[12])
    # Declined before: not suggested again.
    gerd = c_initiative(town, name="Gerd", sdgs=[12, 11, 13])
    c_initiative_member(gerd)
    proposal = svc.propose_contribution(
        user=gerd.organisation.memberships.get().user,
        organisation=gerd.organisation,
        measure=measure,
        target=gerd,
    )
    svc.decline_contribution(user=manager, contribution=proposal)
    # Not published: never suggested.
    c_initiative(town, name="Ida", sdgs=[12], status="draft")

    ranked = [(s.initiative.name, s.score) for s in suggestions.suggest(measure)]
    assert ranked == [("Anton", 8), ("Berta", 5), ("Carl", 5), ("Hanna", 5), ("Dora", 4)]


def test_an_ended_cooperation_earns_no_points(setting):
    town, other, measure, _manager = setting
    ended = c_initiative(other, name="Ended", sdgs=[12])
    c_cooperation(town, ended, until=timezone.localdate() - timedelta(days=1))
    running = c_initiative(other, name="Running", sdgs=[12])
    c_cooperation(town, running)
    scores = {s.initiative.name: s.score for s in suggestions.suggest(measure)}
    assert scores == {"Running": 2 + 2 + 1, "Ended": 2 + 1}


def test_linked_ones_leave_the_list_and_reasons_are_given(setting):
    town, _other, measure, manager = setting
    anton = c_initiative(town, name="Anton", sdgs=[12])
    first = suggestions.suggest(measure)[0]
    assert first.initiative == anton
    assert any("12" in reason for reason in first.reasons)
    assert any("Bochum" in reason for reason in first.reasons)
    svc.link_contribution(user=manager, measure=measure, target=anton)
    assert suggestions.suggest(measure) == []


def test_at_most_the_limit(setting):
    town, _other, measure, _manager = setting
    for n in range(4):
        c_initiative(town, name=f"Gruppe {n}", sdgs=[12])
    assert len(suggestions.suggest(measure, limit=3)) == 3
