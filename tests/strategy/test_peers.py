"""Kommunen mit ähnlichen Maßnahmen: other municipalities' published measures, ranked by
shared targets, then shared goals."""

import pytest

from mitmachkarte.strategy import peers
from tests.strategy.factories_contrib import c_measure, c_town

pytestmark = pytest.mark.django_db


def test_peers_ranked_by_targets_then_goals_and_only_published(reference_data):
    bochum = c_town("Bochum")
    measure = c_measure(bochum, sdgs=[12], targets=["12.5", "11.6"])
    koeln, dortmund, essen, herne = (c_town(n) for n in ("Köln", "Dortmund", "Essen", "Herne"))
    both = c_measure(koeln, code="K1", targets=["12.5", "11.6"])
    one = c_measure(dortmund, code="D1", targets=["12.5"])
    goal = c_measure(essen, code="E1", sdgs=[11])
    two_goals = c_measure(herne, code="H1", sdgs=[11, 12])
    # Not published in some way: never shown.
    c_measure(c_town("Hagen"), code="X1", targets=["12.5"], published=False)
    c_measure(c_town("Hamm"), code="X2", targets=["12.5"], strategy_published=False)
    c_measure(c_town("Bonn"), code="X3", targets=["12.5"], goal_published=False)
    # The same municipality and unrelated goals: not peers.
    c_measure(bochum, code="2", targets=["12.5"])
    c_measure(c_town("Unna"), code="U1", sdgs=[3])

    found = peers.similar_measures(measure)
    assert [p.measure for p in found] == [both, one, two_goals, goal]
    assert [(p.shared_targets, p.shared_goals) for p in found] == [(2, 2), (1, 1), (0, 2), (0, 1)]
    assert found[0].municipality == koeln


def test_ties_by_municipality_name_and_the_limit(reference_data):
    measure = c_measure(c_town("Bochum"), targets=["7.2"])
    for name in ("Witten", "Aachen", "Moers"):
        c_measure(c_town(name), code=name, targets=["7.2"])
    assert [p.municipality.name for p in peers.similar_measures(measure)] == [
        "Aachen",
        "Moers",
        "Witten",
    ]
    assert [p.municipality.name for p in peers.similar_measures(measure, limit=2)] == [
        "Aachen",
        "Moers",
    ]


def test_a_measure_without_goals_has_no_peers(reference_data):
    measure = c_measure(c_town("Bochum"))
    c_measure(c_town("Köln"), code="K", sdgs=[12])
    assert peers.similar_measures(measure) == []
