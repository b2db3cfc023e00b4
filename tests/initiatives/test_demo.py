import pytest

from mitmachkarte.initiatives.demo import generator
from mitmachkarte.initiatives.models import Initiative
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def test_every_planned_entry_is_created_even_when_names_repeat(reference_data):
    # One small town, more entries than name templates: names and slugs must be unique.
    town = MunicipalityFactory(name="Kleinstadt")
    specs = generator.plan(municipalities=[town], count=80, seed=1)
    assert len({s.name for s in specs}) == 80
    assert generator.save(specs) == 80
    assert Initiative.objects.values("slug").distinct().count() == 80
    assert generator.save(generator.plan(municipalities=[town], count=80, seed=1)) == 0


def test_the_demo_plan_keeps_the_entries_the_readme_names(nrw_municipalities):
    # The README's walkthrough and the screenshots name demo entries; a faster generator for
    # big loads must not reshuffle the demo's 700 (small plans draw per entry, as before).
    from mitmachkarte.initiatives.management.commands.load_demo import DEMO_SEED
    from mitmachkarte.municipalities.models import Municipality

    nrw = list(Municipality.objects.filter(ags__startswith="05").order_by("ags"))
    names = [s.name for s in generator.plan(municipalities=nrw, count=700, seed=DEMO_SEED)]
    assert "Clean-up-Gruppe Bochum" in names
    assert names[:2] == ["Food-Coop Langenfeld (Rhld.)", "Tauschring Wadersloh"]
