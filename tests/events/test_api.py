"""GET /api/v1/events: filters, representation, and clear 400/422 errors."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from mitmachkarte.events.recurrence import EVENT_TZ
from tests.factories import CampaignFactory, EventFactory, MunicipalityFactory
from tests.sprite import sprite_text

pytestmark = pytest.mark.usefixtures("reference_data")
API = "/api/v1/events"


def at(days: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, tzinfo=EVENT_TZ)


@pytest.fixture
def events(towns):
    bochum = MunicipalityFactory(
        name="Bochum",
        slug="bochum",
        ags="05911000",
        latitude=51.48,
        longitude=7.22,
        with_boundary=True,
    )
    campaign = CampaignFactory(slug="glueckstaten")
    return {
        "talk": EventFactory(
            title="Regionalgespräch",
            event_type="regional_talk",
            start=at(3, 17),
            end=at(3, 20),
            latitude=51.96,
            longitude=7.63,
            municipalities=towns,
            categories=["repair"],
        ),
        "online": EventFactory(
            title="Online-Treffen",
            format="online",
            online_url="https://meet.example/offen",
            venue_name="",
            city="",
            latitude=None,
            longitude=None,
            start=at(5, 18),
            end=at(5, 19),
        ),
        "private": EventFactory(
            title="Mit Anmeldung",
            format="hybrid",
            latitude=51.48,
            longitude=7.22,
            online_url="https://meet.example/geheim",
            registration_enabled=True,
            capacity=20,
            municipalities=[bochum],
            start=at(8, 18),
            end=at(8, 20),
            campaign=campaign,
        ),
        "weekly": EventFactory(
            title="Repair Café",
            start=at(1, 10),
            end=at(1, 13),
            recurrence="FREQ=WEEKLY",
            latitude=50.94,
            longitude=6.96,
        ),
        "draft": EventFactory(title="Entwurf", status="pending", start=at(2, 10), end=at(2, 11)),
    }


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def test_lists_dates_of_published_events_in_order(client, events):
    data = client.get(f"{API}?limit=500").json()
    names = [i["title"] for i in data["items"]]
    assert "Entwurf" not in names
    assert names[0] == "Repair Café"
    assert [n for n in names if n != "Repair Café"] == [
        "Regionalgespräch",
        "Online-Treffen",
        "Mit Anmeldung",
    ]
    assert names.count("Repair Café") == data["count"] - 3 >= 52
    starts = [i["start"] for i in data["items"]]
    assert starts == sorted(starts, key=datetime.fromisoformat)


def test_item_fields_and_times_with_the_berlin_offset(client, events):
    item = next(i for i in client.get(API).json()["items"] if i["title"] == "Regionalgespräch")
    start = datetime.fromisoformat(item["start"])
    assert start == events["talk"].start and start.hour == 17
    assert item["start"].endswith(("+01:00", "+02:00"))
    assert item["type"] == "regional_talk" and item["format"] == "in_person"
    assert [m["slug"] for m in item["municipalities"]] == ["greven", "muenster", "telgte"]
    assert item["categories"] == ["repair"]
    assert item["venue"]["latitude"] == pytest.approx(51.96)
    assert item["url"].endswith(f"/veranstaltungen/{events['talk'].slug}/")
    assert item["ics_url"].endswith(f"/veranstaltungen/{events['talk'].slug}.ics")


def test_online_link_only_public_without_registration(client, events):
    items = {i["title"]: i for i in client.get(API).json()["items"]}
    assert items["Online-Treffen"]["online_url"] == "https://meet.example/offen"
    assert items["Mit Anmeldung"]["online_url"] == ""
    assert items["Mit Anmeldung"]["registration"] == {
        "enabled": True,
        "deadline": None,
        "capacity": 20,
        "waiting_list": True,
    }
    assert "geheim" not in client.get(API).content.decode()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("type=regional_talk", {"Regionalgespräch"}),
        ("online=1", {"Online-Treffen", "Mit Anmeldung"}),
        ("online=true&type=networking_meeting", {"Online-Treffen", "Mit Anmeldung"}),
        ("municipality=05911000", {"Mit Anmeldung"}),
        ("municipality=Telgte", {"Regionalgespräch"}),
        ("category=repair", {"Regionalgespräch"}),
        ("campaign=glueckstaten", {"Mit Anmeldung"}),
        ("bbox=7.5,51.9,7.7,52.0", {"Regionalgespräch"}),
        ("bbox=6.9,50.9,7.0,51.0", {"Repair Café"}),
    ],
)
def test_filters(client, events, query, expected):
    assert set(titles(client.get(f"{API}?{query}&limit=500"))) == expected


def test_date_range_with_dates_and_date_times(client, events):
    day = (timezone.localdate() + timedelta(days=3)).isoformat()
    assert set(titles(client.get(f"{API}?start_min={day}&start_max={day}"))) == {"Regionalgespräch"}
    # 16:00 UTC is 17:00 or 18:00 in Berlin: the talk starts at 17:00 local.
    utc_start = events["talk"].start.astimezone(EVENT_TZ)
    after = (utc_start + timedelta(minutes=1)).isoformat().replace("+", "%2B")
    assert "Regionalgespräch" not in titles(client.get(f"{API}?start_min={after}&limit=500"))
    naive = utc_start.replace(tzinfo=None).isoformat()
    assert titles(client.get(f"{API}?start_min={naive}&start_max={naive}")) == ["Regionalgespräch"]


def test_paging(client, events):
    first = client.get(f"{API}?limit=2").json()
    second = client.get(f"{API}?limit=2&offset=2").json()
    assert first["count"] == second["count"] and len(first["items"]) == 2
    assert first["items"][1]["id"] != second["items"][0]["id"]


@pytest.mark.parametrize(
    "query, param",
    [
        ("start_min=yesterday", "start_min"),
        ("start_min=2026-13-01", "start_min"),
        ("start_max=0001-01-01", "start_max"),
        ("type=party", "type"),
        ("online=maybe", "online"),
        ("category=unknown", "category"),
        ("bbox=1,2,3", "bbox"),
        ("bbox=10,50,5", "bbox"),
        ("municipality=%00", "municipality"),
    ],
)
def test_bad_filters_get_400_naming_the_parameter(client, events, query, param):
    response = client.get(f"{API}?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["param"] == param and body["detail"].startswith(f"{param}: ")


@pytest.mark.parametrize(
    "query, param", [("municipality=atlantis", "municipality"), ("campaign=none-such", "campaign")]
)
def test_a_municipality_or_campaign_that_does_not_exist_is_not_found(client, events, query, param):
    response = client.get(f"{API}?{query}")
    assert response.status_code == 404
    assert response.json()["param"] == param


def test_a_range_that_ends_before_it_starts_holds_no_dates(client, events):
    everything = client.get(f"{API}?start_min=2000-01-01&start_max=2200-12-31").json()
    assert everything["count"] > 0
    inverted = client.get(f"{API}?start_min=2200-12-31&start_max=2000-01-01")
    assert inverted.status_code == 200 and inverted.json()["count"] == 0


def test_any_iso_offset_is_answered(client, events):
    # PostgreSQL stores offsets up to ±15:59 only; the API took -21:45 and answered 500.
    for when in ("2096-02-29T20:30:44.72-21:45", "2026-01-01T00:00+23:59"):
        response = client.get(API, {"start_max": when})
        assert response.status_code == 200, response.content
        assert client.get(f"{API}.geojson", {"start_min": when}).status_code == 200


@pytest.mark.parametrize(
    "query, param",
    [
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("offset=-1", "offset"),
        ("limit=many", "limit"),
    ],
)
def test_bad_paging_gets_422_naming_the_parameter(client, events, query, param):
    response = client.get(f"{API}?{query}")
    assert response.status_code == 422
    assert response.json()["detail"].startswith(f"{param}: ")


def test_one_event_with_its_next_dates(client, events):
    data = client.get(f"{API}/{events['weekly'].slug}").json()
    assert data["recurrence"] == "FREQ=WEEKLY" and len(data["next_dates"]) == 50
    assert client.get(f"{API}/{events['draft'].slug}").status_code == 404
    assert client.get(f"{API}/nothing-here").status_code == 404


def test_geojson_has_one_feature_per_event_with_a_venue(client, events):
    data = client.get(f"{API}.geojson").json()
    names = {f["properties"]["name"] for f in data["features"]}
    assert names == {"Regionalgespräch", "Mit Anmeldung", "Repair Café"}
    talk = next(f for f in data["features"] if f["properties"]["name"] == "Regionalgespräch")
    assert talk["geometry"]["coordinates"] == [pytest.approx(7.63), pytest.approx(51.96)]
    assert talk["properties"]["url"].endswith(f"/veranstaltungen/{events['talk'].slug}/")
    assert client.get(f"{API}.geojson?type=regional_talk").json()["count"] == 1
    sprite = sprite_text()
    for feature in data["features"]:  # map-common.js draws the sprite symbol, never an emoji
        assert f'id="icon-{feature["properties"]["category"]}"' in sprite
