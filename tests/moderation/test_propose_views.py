"""The proposal form: location, geocoding without JS, duplicates, honeypot, rate limit."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.moderation.models import Proposal
from tests.factories import InitiativeFactory, MunicipalityFactory

from .conftest import A

pytestmark = pytest.mark.django_db
URL = "/mitmachen/eintragen/"


def form_data(**overrides) -> dict:
    data = {
        "name": "Foodsharing Neustadt",
        "short_description": "Lebensmittel retten.",
        "description": "Wir <script>alert(1)</script> **retten**.",
        "categories": ["food"],
        "sdgs": ["2", "12"],
        "tags": "Lebensmittel, Teilen",
        "street": "Marktplatz 3",
        "postcode": "",
        "city": "Neustadt",
        "latitude": str(A[0]),
        "longitude": str(A[1]),
        "contact_email": "",
        "website": "foodsharing.example",
        "meeting_times": "",
        "how_to_join": "",
        "data_licence": "CC0-1.0",
        "proposer_name": "Paula",
        "proposer_email": "paula@example.org",
        "consent": "on",
        "homepage": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_page_links_map_privacy_and_has_the_picker(client, world):
    page = client.get(URL).content.decode()
    assert 'id="picker"' in page and "leaflet/leaflet.js" in page
    assert "moderation/picker.js" in page and 'href="/datenschutz/"' in page
    assert 'name="homepage"' in page
    assert "unpkg" not in page and "cdn" not in page.lower()
    assert URL in client.get("/").content.decode()  # linked from the map page


def test_propose_creates_a_pending_entry_and_mails(client, world, mailoutbox):
    response = client.post(URL, form_data())
    assert response.status_code == 302 and response["Location"] == reverse("moderation:proposed")
    entry = Initiative.objects.get(name="Foodsharing Neustadt")
    assert entry.status == Status.PENDING
    assert entry.municipality == world["town_a"]
    assert entry.data_licence == "CC0-1.0" and entry.website == "https://foodsharing.example"
    assert sorted(entry.tags.values_list("name", flat=True)) == ["Lebensmittel", "Teilen"]
    proposal = Proposal.objects.get(initiative=entry)
    assert (proposal.proposer_name, proposal.proposer_email) == ("Paula", "paula@example.org")
    assert mailoutbox[0].to == ["paula@example.org"]
    # Not public while pending.
    assert client.get(entry.get_absolute_url()).status_code == 404


def test_without_javascript_the_address_is_geocoded(client, world):
    # 44787 is Bochum's centre; a test municipality with a boundary around it.
    bochum = MunicipalityFactory(
        name="Bochum-Test", latitude=51.48, longitude=7.22, with_boundary=True
    )
    bochum.boundary = {
        "type": "Polygon",
        "coordinates": [[[7.0, 51.3], [7.5, 51.3], [7.5, 51.7], [7.0, 51.7], [7.0, 51.3]]],
    }
    bochum.save()
    response = client.post(
        URL, form_data(latitude="", longitude="", postcode="44787", city="Bochum")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = Initiative.objects.get(name="Foodsharing Neustadt")
    assert entry.municipality == bochum
    assert abs(entry.latitude - 51.48) < 0.1


def test_no_location_and_no_postcode_is_a_form_error(client, world):
    response = client.post(URL, form_data(latitude="", longitude=""))
    assert response.status_code == 200
    assert "Wähle den Ort auf der Karte oder gib eine Adresse" in response.content.decode()
    assert not Initiative.objects.filter(status=Status.PENDING).exists()


@pytest.mark.parametrize("lat, lon", [("48.85", "2.35"), ("53.5", "10.0"), ("nan", "7")])
def test_bad_points_are_form_errors(client, world, lat, lon):
    response = client.post(URL, form_data(latitude=lat, longitude=lon))
    assert response.status_code == 200
    assert 'class="field-error"' in response.content.decode()
    assert not Initiative.objects.filter(status=Status.PENDING).exists()


def test_oversized_description_is_a_form_error(client, world):
    response = client.post(URL, form_data(description="x" * 10_001))
    assert response.status_code == 200 and 'class="field-error"' in response.content.decode()
    assert not Initiative.objects.filter(status=Status.PENDING).exists()


def test_duplicate_needs_a_confirmation_step(client, world):
    near = form_data(name="Gemeinschaftsgarten A", latitude=str(A[0] + 0.0052))
    first = client.post(URL, near)
    page = first.content.decode()
    assert first.status_code == 200
    assert world["published_a"].get_absolute_url() in page
    assert 'name="not_a_duplicate"' in page
    assert not Initiative.objects.filter(status=Status.PENDING).exists()
    second = client.post(URL, {**near, "not_a_duplicate": "on"})
    assert second.status_code == 302
    assert Initiative.objects.filter(status=Status.PENDING).count() == 1


def test_no_confirmation_step_without_duplicates(client, world):
    response = client.post(URL, form_data(name="Ganz neu", proposer_email="bad"))
    assert 'name="not_a_duplicate"' not in response.content.decode()


def test_htmx_partial_shows_duplicates_while_typing(client, world):
    url = reverse("moderation:duplicates")
    hit = client.post(
        url,
        {"name": "Gemeinschaftsgarten A", "latitude": A[0] + 0.005, "longitude": A[1]},
        HTTP_HX_REQUEST="true",
    )
    assert world["published_a"].name in hit.content.decode()
    far = client.post(url, {"name": "Gemeinschaftsgarten A", "latitude": 52.0, "longitude": 8.0})
    assert world["published_a"].name not in far.content.decode()
    website = client.post(
        url,
        {
            "name": "Anders",
            "latitude": A[0] + 0.008,
            "longitude": A[1],
            "website": "https://" + "x" * 300,
        },
    )
    assert website.status_code == 200
    junk = client.post(url, {"name": "x", "latitude": "abc", "longitude": "1e999"})
    assert junk.status_code == 200 and junk.content.decode().strip() == ""


def test_the_anonymous_look_up_is_no_oracle_for_contact_addresses(client, world):
    """A right and a wrong guess of an entry's private address get the same answer."""
    secret = world["published_a"].contact_email
    answers = [
        client.post(
            reverse("moderation:duplicates"),
            {
                "name": "Etwas ganz anderes",
                "latitude": A[0] + 0.004,
                "longitude": A[1],
                "contact_email": guess,
            },
        ).content.decode()
        for guess in (secret, "falsch@example.org", "")
    ]
    assert answers[0] == answers[1] == answers[2]
    assert world["published_a"].name not in answers[0] and secret not in answers[0]


def test_a_proposal_is_no_oracle_for_contact_addresses_but_moderators_see_the_match(client, world):
    secret = world["published_a"].contact_email
    data = form_data(name="Etwas ganz anderes", latitude=str(A[0] + 0.004), contact_email=secret)
    response = client.post(URL, data)
    assert response.status_code == 302  # no confirmation step that would give it away
    moderator = world["users"]["network"]
    client.force_login(moderator)
    queue = client.get(reverse("moderation:queue")).content.decode()
    assert "Etwas ganz anderes" in queue
    assert "gleiche Kontakt-E-Mail" in queue and world["published_a"].name in queue


def test_honeypot_rejects_bots(client, world):
    response = client.post(URL, form_data(homepage="http://spam.example"))
    assert response.status_code == 200
    assert not Initiative.objects.filter(status=Status.PENDING).exists()


def test_rate_limit_per_ip(client, world, set_rate):
    set_rate("propose.ip", "2/h")
    for n in range(2):
        assert (
            client.post(
                URL, form_data(name=f"Initiative Nummer {n}", latitude=str(A[0] + n * 0.01))
            ).status_code
            == 302
        )
    blocked = client.post(URL, form_data(name="Noch eine", latitude=str(A[0] - 0.01)))
    assert blocked.status_code == 429
    assert Initiative.objects.filter(status=Status.PENDING).count() == 2
    other = Client(REMOTE_ADDR="198.51.100.7")
    assert (
        other.post(URL, form_data(name="Von woanders", latitude=str(A[0] - 0.01))).status_code
        == 302
    )


def test_missing_csrf_token_changes_nothing(world):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(URL, form_data()).status_code == 403
    assert not Initiative.objects.filter(status=Status.PENDING).exists()


def test_geocode_endpoint(client, world):
    url = reverse("moderation:geocode")
    found = client.get(url, {"postcode": "44787", "city": "Bochum"}).json()
    assert found["precision"] == "postcode" and 51 < found["latitude"] < 52
    assert client.get(url, {"street": "x"}).status_code == 400
    missing = client.get(url, {"postcode": "00000"})
    assert missing.status_code == 404 and "detail" in missing.json()


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.text(max_size=200),
    lat=st.text(max_size=30),
    lon=st.text(max_size=30),
    website=st.text(max_size=50),
    postcode=st.text(max_size=20),
)
def test_lookups_never_fail_on_odd_input(client, world, name, lat, lon, website, postcode):
    cache.clear()  # the rate limit counts per test, not per example
    partial = client.post(
        reverse("moderation:duplicates"),
        {"name": name, "latitude": lat, "longitude": lon, "website": website},
    )
    assert partial.status_code == 200
    answer = client.get(reverse("moderation:geocode"), {"postcode": postcode, "city": name})
    body = answer.json()
    assert (answer.status_code, "latitude" in body) in {(200, True), (400, False), (404, False)}


def test_proposals_are_limited_per_proposer_address_across_clients(world, set_rate, mailoutbox):
    set_rate("propose.email", "1/d")
    first = Client(REMOTE_ADDR="198.51.100.1").post(URL, form_data())
    assert first.status_code == 302
    second = Client(REMOTE_ADDR="198.51.100.2").post(
        URL, form_data(name="Tauschring Neustadt", proposer_email="Paula+2@Example.org")
    )
    html = second.content.decode()
    assert second.status_code == 429 and second["Retry-After"]
    assert 'value="Tauschring Neustadt"' in html and "Zu viele Versuche" in html
    assert Initiative.objects.filter(status=Status.PENDING).count() == 1
    assert len(mailoutbox) == 1


def test_address_lookups_answer_429_json(client, world, set_rate):
    set_rate("lookup.ip", "1/h")
    url = reverse("moderation:geocode")
    assert client.get(url, {"postcode": "50667"}).status_code == 200
    refused = client.get(url, {"postcode": "50667"})
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "Zu viele Versuche" in refused.json()["detail"]
    duplicates = client.post(reverse("moderation:duplicates"), {"name": "x"})
    assert duplicates.status_code == 429  # the same client's look-ups


def test_duplicate_checks_are_limited_per_typed_address(world, set_rate):
    set_rate("lookup.email", "1/h")
    url = reverse("moderation:duplicates")
    data = {"name": "Foodsharing", "contact_email": "kontakt@example.org"}
    assert Client(REMOTE_ADDR="198.51.100.1").post(url, data).status_code == 200
    assert Client(REMOTE_ADDR="198.51.100.2").post(url, data).status_code == 429


@pytest.fixture
def bochum_with_repair_cafe(world):
    bochum = MunicipalityFactory(name="Bochum-Test", latitude=51.48, longitude=7.22)
    bochum.boundary = {
        "type": "Polygon",
        "coordinates": [[[7.0, 51.3], [7.5, 51.3], [7.5, 51.7], [7.0, 51.7], [7.0, 51.3]]],
    }
    bochum.save()
    # ~500 m north of the centre of postcode area 44787, where geocoding the postcode lands.
    return InitiativeFactory(
        name="Repair Café Bochum-Mitte", postcode="44787", latitude=51.4866, longitude=7.2171
    )


def test_a_proposal_geocoded_from_its_postcode_is_flagged(client, bochum_with_repair_cafe):
    data = form_data(name="Repair Cafe Bochum Mitte", latitude="", longitude="", postcode="44787")
    response = client.post(URL, data)
    page = response.content.decode()
    assert response.status_code == 200 and 'name="not_a_duplicate"' in page
    assert bochum_with_repair_cafe.get_absolute_url() in page
    assert not Initiative.objects.filter(status=Status.PENDING).exists()


def test_the_look_up_flags_it_when_the_picker_found_the_address(client, bochum_with_repair_cafe):
    typed = {"name": "Repair Cafe Bochum Mitte", "postcode": "44787"}
    typed |= {"latitude": "51.482061", "longitude": "7.217132"}
    url = reverse("moderation:duplicates")
    found = client.post(url, {**typed, "location_source": "address"}).content.decode()
    assert bochum_with_repair_cafe.name in found
    placed = client.post(url, {**typed, "latitude": "51.4790", "location_source": "map"})
    assert bochum_with_repair_cafe.name not in placed.content.decode()


def test_the_queue_flags_a_proposal_at_its_postcode_centre(client, world, bochum_with_repair_cafe):
    client.post(
        URL,
        form_data(
            name="Repair Cafe Bochum Mitte",
            latitude="",
            longitude="",
            postcode="44787",
            not_a_duplicate="on",
        ),
    )
    assert Initiative.objects.filter(status=Status.PENDING).count() == 1
    client.force_login(world["users"]["network"])
    queue = client.get(reverse("moderation:queue")).content.decode()
    assert bochum_with_repair_cafe.get_absolute_url() in queue
