"""Barrier-free: 0 axe-core violations (any impact) on the public pages and the embed, at a
phone's and a laptop's size; one live region (the result count); the feedback form of the
accessibility statement reaches the operator."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.strategy import demo as strategy_demo
from mitmachkarte.strategy.models import Measure
from tests.browser.axe import violations
from tests.browser.maps import wait_for_map_idle
from tests.factories import EventFactory

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
