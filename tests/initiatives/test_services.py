import pytest
from django.core.exceptions import ValidationError

from mitmachkarte.core.slugs import unique_slug
from mitmachkarte.initiatives import lifecycle, services
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.taxonomy.models import Tag
from tests.factories import InitiativeFactory, MunicipalityFactory

pytestmark = pytest.mark.usefixtures("reference_data")

BOCHUM = (51.4818, 7.2162)


def create(**overrides):
    values = {
        "name": "Repair-Café Ehrenfeld",
        "short_description": "Wir reparieren gemeinsam.",
        "latitude": BOCHUM[0],
        "longitude": BOCHUM[1],
        "categories": ["repair"],
    }
    return services.create_initiative(**{**values, **overrides})


def test_create_derives_municipality_and_search_text(nrw_municipalities):
    initiative = create(
        name="Tauschring Süd",
        short_description="Teilen statt kaufen.",
        street="Musterstraße 5",
        city="Bochum",
        categories=["repair", "sharing-swapping"],
        sdgs=[12, 11],
        tags=["Zero Waste", "Nachbarschaft"],
    )
    initiative.refresh_from_db()
    assert initiative.municipality == Municipality.objects.get(ags="05911000")
    assert initiative.slug == "tauschring-sued"
    assert initiative.status == Status.DRAFT
    for word in ("tauschring", "sud", "sued", "strasse", "bochum", "zero waste", "nachbarschaft"):
        assert word in initiative.search_text
    assert sorted(initiative.categories.values_list("slug", flat=True)) == [
        "repair", "sharing-swapping",
    ]  # fmt: skip
    assert sorted(initiative.sdgs.values_list("number", flat=True)) == [11, 12]
    assert sorted(initiative.tags.values_list("slug", flat=True)) == ["nachbarschaft", "zero-waste"]


def test_search_text_contains_municipality_name_not_given_as_city(nrw_municipalities):
    initiative = create(latitude=50.9413, longitude=6.9583, city="")
    initiative.refresh_from_db()
    assert initiative.municipality.name == "Köln"
    assert "koln" in initiative.search_text and "koeln" in initiative.search_text


def test_point_outside_every_municipality_has_none(nrw_municipalities):
    initiative = create(latitude=48.8566, longitude=2.3522)
    initiative.refresh_from_db()
    assert initiative.municipality is None


def test_municipality_cannot_be_forced_against_the_point(nrw_municipalities):
    koeln = Municipality.objects.get(ags="05315000")
    initiative = create(municipality=koeln)  # the point is in Bochum
    initiative.refresh_from_db()
    assert initiative.municipality.ags == "05911000"


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"latitude": 200}, ValidationError),
        ({"latitude": -90.5}, ValidationError),
        ({"longitude": 181}, ValidationError),
        ({"latitude": float("nan")}, ValidationError),
        ({"short_description": "x" * 251}, ValidationError),
        ({"short_description": ""}, ValidationError),
        ({"name": "   "}, ValidationError),
        ({"categories": ["repair", "gibt-es-nicht"]}, ValidationError),
        ({"contact_email": "keine-adresse"}, ValidationError),
        ({"website": "javascript:alert(1)"}, ValidationError),
        ({"founded_year": 1700}, ValidationError),
        ({"status": "gelöscht"}, ValidationError),
    ],
)
def test_invalid_input_saves_nothing(overrides, error):
    with pytest.raises(error):
        create(**overrides)
    assert Initiative.objects.count() == 0
    assert Tag.objects.count() == 0


def test_invalid_category_rolls_back_tags_too():
    with pytest.raises(ValidationError) as info:
        create(categories=["gibt-es-nicht"], tags=["Neu"])
    assert "categories" in info.value.message_dict
    assert Initiative.objects.count() == 0
    assert not Tag.objects.filter(slug="neu").exists()


def test_short_description_of_exactly_250_characters_is_fine():
    assert len(create(short_description="x" * 250).short_description) == 250


def test_slugs_are_unique():
    first = create(name="Repair-Café")
    second = create(name="Repair-Café", city="Bochum")
    third = create(name="Repair-Café", city="Bochum")
    fourth = create(name="Repair Café")
    assert first.slug == "repair-cafe"
    assert second.slug == "repair-cafe-bochum"
    assert third.slug == "repair-cafe-2"
    assert fourth.slug == "repair-cafe-3"
    assert Initiative.objects.values("slug").distinct().count() == 4


def test_unique_slug_ignores_the_entry_itself():
    first = create(name="Foodsharing")
    others = Initiative.objects.exclude(pk=first.pk)
    assert unique_slug("Foodsharing", taken=others, default="initiative") == "foodsharing"
    assert unique_slug("Foodsharing", taken=Initiative.objects, default="x") == "foodsharing-2"
    assert unique_slug("!!!", taken=Initiative.objects, default="initiative") == "initiative"


def test_refresh_derived_fields_follows_a_move(nrw_municipalities):
    initiative = create(tags=["Fahrrad"])
    Initiative.objects.filter(pk=initiative.pk).update(latitude=50.9413, longitude=6.9583)
    initiative.refresh_from_db()
    services.refresh_derived_fields(initiative=initiative)
    initiative.refresh_from_db()
    assert initiative.municipality.name == "Köln"
    assert "koeln" in initiative.search_text and "bochum" not in initiative.search_text
    assert "fahrrad" in initiative.search_text


def test_refresh_without_relocate_keeps_the_municipality():
    home = MunicipalityFactory(name="Heimatdorf", latitude=51.0, longitude=7.0)
    initiative = create(latitude=51.0, longitude=7.0)
    assert initiative.municipality == home
    Initiative.objects.filter(pk=initiative.pk).update(latitude=51.8, longitude=8.5)
    initiative.refresh_from_db()
    services.refresh_derived_fields(initiative=initiative, relocate=False)
    initiative.refresh_from_db()
    assert initiative.municipality == home
    assert "heimatdorf" in initiative.search_text


def test_publishing_stamps_the_dates():
    initiative = create()
    assert initiative.status == Status.DRAFT and initiative.published_at is None
    before = initiative.last_confirmed_at
    lifecycle.set_status(initiative=initiative, status=Status.PUBLISHED)
    initiative.refresh_from_db()
    assert initiative.status == Status.PUBLISHED
    assert initiative.last_confirmed_at >= before
    assert initiative.published_at >= before


def test_an_entry_is_not_created_published_except_as_seed_data():
    with pytest.raises(ValueError, match="set_status"):
        create(status=Status.PUBLISHED)
    assert Initiative.objects.count() == 0
    assert create(status=Status.PUBLISHED, seeding=True).published_at is not None


def test_set_status_refuses_an_unknown_status():
    initiative = create()
    with pytest.raises(ValidationError):
        lifecycle.set_status(initiative=initiative, status="deleted")
    initiative.refresh_from_db()
    assert initiative.status == Status.DRAFT


def test_factory_creates_through_the_service():
    home = MunicipalityFactory(name="Fabrikstadt", latitude=51.3, longitude=7.3)
    initiative = InitiativeFactory(latitude=51.3, longitude=7.3, tags=["Garten"])
    initiative.refresh_from_db()
    assert initiative.status == Status.PUBLISHED
    assert initiative.municipality == home
    assert "fabrikstadt" in initiative.search_text and "garten" in initiative.search_text
    assert list(initiative.categories.values_list("slug", flat=True)) == ["repair"]


@pytest.mark.django_db
def test_create_without_category_is_rejected_and_saves_nothing(reference_data):
    with pytest.raises(ValidationError):
        services.create_initiative(
            name="Ohne Kategorie",
            short_description="x",
            latitude=51.0,
            longitude=7.0,
            categories=[],
        )
    assert not Initiative.objects.filter(name="Ohne Kategorie").exists()
