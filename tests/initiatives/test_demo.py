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
