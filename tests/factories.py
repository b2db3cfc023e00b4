"""factory-boy factories for the foundation models.

Initiatives are created through `services.create_initiative`, so the derived fields
(municipality from the point, search_text) are exactly what the application produces.
Tests creating initiatives need the categories: use the `reference_data` fixture.
"""

import factory
from factory import fuzzy

from mitmachkarte.initiatives import services
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.municipalities.models import Municipality

# Roughly the bounding box of North Rhine-Westphalia.
NRW_LAT = (50.4, 52.4)
NRW_LON = (6.1, 9.3)


def square(lat: float, lon: float, half: float = 0.02) -> dict:
    """A small square GeoJSON Polygon around a point (lon before lat)."""
    ring = [
        [lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half],
        [lon - half, lat + half], [lon - half, lat - half],
    ]  # fmt: skip
    return {"type": "Polygon", "coordinates": [ring]}


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    # 0599xxxx: a valid NRW key that no real NRW municipality uses (district 05999).
    ags = factory.Sequence(lambda n: f"0599{n % 10000:04d}")
    name = factory.Sequence(lambda n: f"Testkommune {n}")
    slug = factory.Sequence(lambda n: f"testkommune-{n}")
    kind = "Gemeinde"
    district = "Testkreis"
    district_ags = "05999"
    state = "Nordrhein-Westfalen"
    latitude = fuzzy.FuzzyFloat(51.0, 52.0)
    longitude = fuzzy.FuzzyFloat(6.5, 8.5)
    boundary = None

    class Params:
        with_boundary = factory.Trait(
            boundary=factory.LazyAttribute(lambda o: square(o.latitude, o.longitude))
        )


class InitiativeFactory(factory.Factory):
    """Builds keyword arguments for `create_initiative` and creates through it."""

    class Meta:
        model = Initiative

    name = factory.Sequence(lambda n: f"Initiative {n}")
    short_description = "Wir reparieren gemeinsam, was kaputt ist."
    latitude = fuzzy.FuzzyFloat(51.0, 52.0)
    longitude = fuzzy.FuzzyFloat(6.5, 8.5)
    categories = factory.LazyFunction(lambda: ["repair"])
    sdgs = factory.LazyFunction(list)
    tags = factory.LazyFunction(list)
    status = Status.PUBLISHED
    contact_email = factory.Sequence(lambda n: f"kontakt{n}@initiative.example")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.create_initiative(**kwargs)

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise NotImplementedError("create initiatives through the service (InitiativeFactory())")
