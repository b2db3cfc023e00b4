"""Barrier-free: 0 axe-core violations (any impact) on the public pages and the embed, at a
phone's and a laptop's size; one live region (the result count); the feedback form of the
accessibility statement reaches the operator."""

from io import BytesIO

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from playwright.sync_api import expect

from mitmachkarte.initiatives import services
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.strategy import demo as strategy_demo
from mitmachkarte.strategy.models import Measure
from tests.browser.axe import violations
from tests.browser.maps import wait_for_map_idle
from tests.factories import (
    EventFactory,
    InitiativeFactory,
    MunicipalityFactory,
    NeedFactory,
    OrganisationFactory,
)

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}
MAP_PAGES = ["/", "/embed/"]
PAGES = ["/einbinden/", "/veranstaltungen/", "/mitmachen/eintragen/", "/barrierefreiheit/"]


@pytest.fixture
def public_data(demo_data):
    EventFactory(title="Reparaturabend", latitude=51.48, longitude=7.22)
    strategy_demo.load_town(Municipality.objects.get(ags="05911000"), "Bochum")
    return demo_data


def strategy_pages() -> list[str]:
    """Bochum's public strategy, one of its measures and its progress report."""
    measure = (
        Measure.objects.filter(
            operational_goal__strategic_goal__field__strategy__municipality__ags="05911000"
        )
        .order_by("pk")
        .first()
    )
    slug = Municipality.objects.get(ags="05911000").slug
    base = f"/kommunen/{slug}/strategie/"
    return [base, f"{base}massnahmen/{measure.pk}/", f"{base}bericht/"]


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_public_pages_have_no_axe_violations(new_context, live_server, public_data, viewport):
    page = new_context(viewport=viewport).new_page()
    detail = public_data.order_by("pk").first().get_absolute_url()
    found = {}
    for path in [*MAP_PAGES, detail, *PAGES, *strategy_pages()]:
        page.goto(live_server.url + path)
        if path in MAP_PAGES:
            wait_for_map_idle(page)
        found[path] = violations(page)
    assert found == {path: [] for path in found}


def picture() -> SimpleUploadedFile:
    out = BytesIO()
    Image.new("RGB", (1200, 800), (30, 110, 70)).save(out, format="JPEG")
    return SimpleUploadedFile("werkstatt.jpg", out.getvalue(), content_type="image/jpeg")


@pytest.fixture
def rich_entry(live_server, reference_data):
    """An entry with everything its detail page can show: picture with credit, structured
    opening hours with a note, upcoming events, open needs, SDGs, tags, contact links."""
    town = MunicipalityFactory(name="Bochum", latitude=51.4818, longitude=7.2162)
    entry = InitiativeFactory(
        name="Repair-Café Langendreer",
        latitude=51.4602,
        longitude=7.3258,
        municipality=town,
        street="Alte Bahnhofstraße 1",
        postcode="44892",
        city="Bochum",
        website="https://repair-langendreer.example",
        contact_phone="0234 123456",
        opening_hours="Tu 18:00-21:00; Sa 10:00-13:00; PH off",
        meeting_times="In den Ferien nach Absprache.",
        how_to_join="Komm einfach vorbei und bring mit, was kaputt ist.",
        description="Wir **reparieren** gemeinsam: Toaster, Fahrräder, Kleidung.",
        categories=["repair"],
    )
    services.set_image(
        initiative=entry,
        upload=picture(),
        alt="Menschen reparieren an einer Werkbank einen Toaster",
        credit="Foto: Repair-Café Langendreer",
    )
    EventFactory(title="Reparaturabend im Dezember", organiser_initiative=entry)
    EventFactory(title="Reparaturabend im Januar", organiser_initiative=entry)
    organisation = OrganisationFactory(type="initiative", initiative=entry)
    NeedFactory(organisation=organisation, title="Werkbank gesucht")
    NeedFactory(organisation=organisation, title="Helfende für Elektrogeräte")
    return entry


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_a_rich_detail_page_has_no_axe_violations(new_context, live_server, rich_entry, viewport):
    page = new_context(viewport=viewport).new_page()
    response = page.goto(live_server.url + rich_entry.get_absolute_url())
    assert response.ok
    # what makes it rich is really on the page
    image = page.locator(".entry-image img")
    expect(image).to_be_visible()
    assert page.evaluate("(img) => img.complete && img.naturalWidth > 0", image.element_handle())
    expect(page.locator(".entry-image figcaption")).to_contain_text("Foto:")
    expect(page.locator(".opening-state")).to_be_visible()
    expect(page.get_by_text("Reparaturabend im Dezember")).to_be_visible()
    expect(page.get_by_text("Werkbank gesucht")).to_be_visible()
    expect(page.get_by_role("link", name="Route planen")).to_be_visible()
    wait_for_map_idle(page)
    assert violations(page) == []


def test_only_the_result_count_is_live(page, live_server, demo_data):
    page.goto(live_server.url + "/")
    wait_for_map_idle(page)
    live = page.locator("[aria-live]")
    expect(live).to_have_count(1)
    assert live.get_attribute("id") == "result-live"
    assert page.locator("#results [aria-live], #results[aria-live]").count() == 0
    expect(live).to_contain_text(page.get_attribute("#result-count", "data-count"))


def test_feedback_reaches_the_operator(page, live_server, settings):
    settings.MANAGERS = [("Moderation", "team@example.org")]
    page.goto(live_server.url + "/barrierefreiheit/")
    page.fill("textarea[name=message]", "Der Kontrast der Karte ist zu schwach.")
    page.fill("input[name=email]", "leserin@example.org")
    page.click("form.stacked-form button[type=submit]")
    expect(page.locator(".confirmation")).to_be_visible()
    assert [m.to for m in mail.outbox] == [["team@example.org"]]
    assert "Kontrast" in mail.outbox[0].body
    assert "leserin@example.org" in mail.outbox[0].body
