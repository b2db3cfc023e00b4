"""A sustainability manager links an initiative to a measure from the suggestions and sees
it on the measure page and on the initiative's page (issue 17)."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_support import log_in
from tests.factories import UserFactory
from tests.strategy.factories_contrib import (
    c_initiative,
    c_measure,
    c_municipal_member,
    c_town,
)


@pytest.fixture
def bochum_strategy(live_server, reference_data):
    bochum = c_town("Bochum", slug="bochum", ags="05911000")
    c_municipal_member(bochum, UserFactory(email="manager@bochum.example"))
    measure = c_measure(
        bochum,
        code="3.2",
        title="Reparaturnetz in jedem Stadtteil",
        sdgs=[12],
        targets=["12.5"],
    )
    initiative = c_initiative(
        bochum, name="Repair Café Bochum", sdgs=[12], contact_email="team@repaircafe.example"
    )
    c_initiative(bochum, name="Kleidertausch Bochum", sdgs=[3])
    return measure, initiative


def test_manager_links_a_suggested_initiative(page, live_server, bochum_strategy):
    measure, initiative = bochum_strategy
    base = live_server.url
    measure_path = f"/kommunen/bochum/strategie/massnahmen/{measure.pk}/"
    log_in(page, base, "manager@bochum.example")
    page.goto(base + measure_path)
    expect(page.locator("h1")).to_have_text("3.2 Reparaturnetz in jedem Stadtteil")
    contributions = page.locator("[data-testid=contributions]")
    expect(contributions).to_contain_text("Mit dieser Maßnahme ist noch niemand verknüpft.")
    suggestions = page.locator("[data-testid=suggestions]")
    suggested = suggestions.locator(f"li[data-initiative='{initiative.slug}']")
    expect(suggested).to_contain_text("SDG 12 der Maßnahme")
    # Only initiatives with a shared SDG or category are suggested.
    expect(suggestions).not_to_contain_text("Kleidertausch Bochum")

    suggested.get_by_role("button", name="Verknüpfen").click()
    page.wait_for_url(f"**{measure_path}")
    expect(page.locator(".messages")).to_contain_text("Verknüpft: Repair Café Bochum")
    link = contributions.locator(f"a[href='{initiative.get_absolute_url()}']")
    expect(link).to_have_text("Repair Café Bochum")
    expect(suggestions.locator(f"li[data-initiative='{initiative.slug}']")).to_have_count(0)

    # The progress report for the council lists it under its measure.
    page.goto(base + "/kommunen/bochum/strategie/bericht/")
    expect(page.locator("main")).to_contain_text("3.2 Reparaturnetz in jedem Stadtteil")
    expect(page.locator("main")).to_contain_text("Repair Café Bochum")

    # Everyone sees it: the public measure page and the initiative's page.
    page.context.clear_cookies()
    page.goto(base + measure_path)
    expect(page.locator("[data-testid=contributions]")).to_contain_text("Repair Café Bochum")
    expect(page.locator("[data-testid=suggestions]")).to_have_count(0)
    page.goto(base + "/kommunen/bochum/strategie/")
    expect(page.locator(f"#massnahme-{measure.pk}")).to_contain_text("Repair Café Bochum")
    page.goto(base + initiative.get_absolute_url())
    contributes = page.locator("[data-testid=contributes-to]")
    expect(contributes).to_contain_text("Trägt bei zu")
    contributes.get_by_role("link", name="3.2 Reparaturnetz in jedem Stadtteil").click()
    page.wait_for_url(f"**{measure_path}")
    assert "team@repaircafe.example" not in page.content()
