"""The demo strategies (issue 17, item 7): Bochum, Köln and Dortmund, indicators over several
years, status histories, linked contributors, marked as invented; loading twice adds nothing."""

import pytest
from django.test import Client

from mitmachkarte.strategy import demo
from mitmachkarte.strategy.models import (
    Contribution,
    IndicatorValue,
    Measure,
    ProgressNote,
    Strategy,
)
from tests.strategy.factories_contrib import c_initiative, c_town

pytestmark = pytest.mark.django_db


@pytest.fixture
def towns(reference_data):
    found = {}
    for ags, city in demo.TOWNS:
        town = c_town(city, ags=ags, slug=city.lower().replace("ö", "oe"))
        for n in range(3):
            c_initiative(town, name=f"Demo-Initiative {city} {n}")
        found[city] = town
    return found


def test_three_invented_strategies_with_years_of_values_and_contributors(towns):
    result = demo.load()
    assert set(result) == {"Bochum", "Köln", "Dortmund"}
    for city, town in towns.items():
        strategy = Strategy.objects.get(municipality=town)
        assert strategy.is_demo and strategy.published
        assert strategy.fields.count() == 3
        values = IndicatorValue.objects.filter(
            indicator__operational_goal__strategic_goal__field__strategy=strategy
        )
        assert len({v.date.year for v in values}) >= 5  # "over several years"
        measures = Measure.objects.filter(
            operational_goal__strategic_goal__field__strategy=strategy
        )
        statuses = {m.status for m in measures}
        assert {"running", "done"} <= statuses and len(statuses) >= 3, (city, statuses)
        assert ProgressNote.objects.filter(measure__in=measures, status_to="done").exists()
        linked = Contribution.objects.filter(measure__in=measures, status="confirmed")
        assert linked.filter(initiative__municipality=town).count() == 3, city
    # Idempotent: a second run leaves every strategy alone.
    before = (Measure.objects.count(), IndicatorValue.objects.count(), Contribution.objects.count())
    assert all(counts["nodes"] == 0 for counts in demo.load().values())
    after = (Measure.objects.count(), IndicatorValue.objects.count(), Contribution.objects.count())
    assert after == before


def test_every_page_of_a_demo_strategy_says_it_is_invented(towns):
    demo.load()
    client = Client()
    measure = Measure.objects.filter(
        operational_goal__strategic_goal__field__strategy__municipality=towns["Bochum"]
    ).first()
    for path in ("", "bericht/", f"massnahmen/{measure.pk}/"):
        html = client.get(f"/kommunen/bochum/strategie/{path}").content.decode()
        assert "Erfundene Demo-Inhalte" in html, path


def test_the_demo_needs_its_towns():
    with pytest.raises(LookupError):
        demo.load()
