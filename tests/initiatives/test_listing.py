"""The API list's lean rows (initiatives/listing.py) equal the serializer's items."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mitmachkarte.initiatives import listing, selectors, serializers
from mitmachkarte.initiatives.models import Initiative
from tests.factories import InitiativeFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db

BASE = "https://karte.example"


@pytest.fixture
def entries():
    town = MunicipalityFactory(name="Ettenstatt")
    made = [
        InitiativeFactory(
            name="Garten Eins",
            categories=["repair", "gardening-nature"],
            sdgs=[13, 2, 11],
            tags=["Zukunft", "Boden"],
            website="https://garten.example",
        ),
        InitiativeFactory(name="Garten Zwei", categories=["gardening-nature"]),
        InitiativeFactory(name="Ohne alles", municipality=None),
    ]
    Initiative.objects.filter(pk=made[0].pk).update(municipality=town)
    Initiative.objects.filter(pk=made[1].pk).update(
        image="initiatives/a.webp",
        image_small="initiatives/a-small.webp",
        image_alt="Ein Beet",
        image_credit="CC BY 4.0",
        last_confirmed_at=timezone.now() - timedelta(days=800),
    )
    return made


def _by_serializer(ids):
    objects = selectors.objects_for_ids(ids)
    return [{"id": i.pk, **serializers.list_item(i, base_url=BASE)} for i in objects]


def test_items_equal_the_serializers_in_the_order_asked(entries):
    ids = [entries[2].pk, entries[0].pk, 10**9, entries[1].pk]  # one no longer there
    items = listing.list_items(ids, base_url=BASE)
    assert items == _by_serializer(ids)
    assert [i["name"] for i in items] == ["Ohne alles", "Garten Eins", "Garten Zwei"]
    first = items[1]
    assert first["sdgs"] == [2, 11, 13] and first["municipality"]["name"] == "Ettenstatt"
    assert items[2]["image"]["alt"] == "Ein Beet" and items[2]["may_be_outdated"]


def test_a_page_costs_two_queries_whatever_its_size(entries):
    more = [InitiativeFactory(tags=["Zukunft"], sdgs=[1]).pk for _ in range(10)]
    with CaptureQueriesContext(connection) as queries:
        listing.list_items([e.pk for e in entries] + more)
    assert len(queries.captured_queries) == 2
