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


def test_done_when_a_manager_imports_links_enters_a_value_and_prints(
    page, live_server, reference_data
):
    """Issue 17's "Done when", as the README walks it: from Mein Bereich, without the admin."""
    from datetime import date

    from django.conf import settings

    from mitmachkarte.strategy.models import Measure

    bochum = c_town("Bochum", slug="bochum", ags="05911000")
    c_municipal_member(bochum, UserFactory(email="manager@bochum.example"))
    repair = c_initiative(bochum, name="Repair Café Bochum", sdgs=[12])
    examples = settings.PACKAGE_DIR / "strategy" / "static" / "strategy"
    base = live_server.url
    log_in(page, base, "manager@bochum.example")
    page.goto(base + "/konto/")
    page.get_by_role("link", name="Nachhaltigkeitsstrategie", exact=True).first.click()

    # No strategy yet: import it from the spreadsheet files (the import page offers them).
    page.get_by_role("link", name="Importieren (CSV, JSON)").click()
    expect(page.locator("[data-testid=import-help]")).to_contain_text("Beispieldateien")
    page.set_input_files("#id_structure", examples / "strategy-example.csv")
    page.set_input_files("#id_indicators", examples / "strategy-indicators-example.csv")
    page.get_by_role("button", name="Prüfen und importieren").click()
    expect(page.locator(".notice.success")).to_contain_text("15 neue")
    # Publishing stays a decision in the editor.
    page.get_by_role("link", name="Strategie bearbeiten").click()
    page.get_by_label("Veröffentlicht").check()
    page.get_by_role("button", name="Speichern").click()

    # Link the initiative to a measure: from the editor's tree to the measure's page.
    measure = Measure.objects.get(
        code="2.1.1.1", operational_goal__strategic_goal__field__strategy__municipality=bochum
    )
    measure_path = f"/kommunen/bochum/strategie/massnahmen/{measure.pk}/"
    page.goto(base + "/kommunen/bochum/strategie/bearbeiten/")
    page.locator(f".edit-tree a[href='{measure_path}']").click()
    suggested = page.locator(f"[data-testid=suggestions] li[data-initiative='{repair.slug}']")
    suggested.get_by_role("button", name="Verknüpfen").click()
    expect(page.locator(".messages")).to_contain_text("Verknüpft: Repair Café Bochum")

    # Enter an indicator value (last year, so the default report period holds it).
    year = date.today().year - 1
    page.goto(base + "/kommunen/bochum/strategie/bearbeiten/")
    page.get_by_role("link", name="2.1.1 Reparieren und Teilen").click()
    page.get_by_role("link", name="Repair-Cafés und Leihläden").click()
    page.get_by_label("Datum").fill(f"{year}-06-30")
    page.get_by_label("Wert:", exact=True).fill("12,5")
    page.get_by_role("button", name="Wert speichern").click()
    expect(page.locator("#indicator-values")).to_contain_text(f"30.06.{year}")

    # The progress report: the measure with its contributor, the value; print and PDF.
    page.goto(base + "/kommunen/bochum/strategie/bearbeiten/")
    page.get_by_role("link", name="Fortschrittsbericht").click()
    report = page.locator("main")
    expect(report.locator("[data-measure='2.1.1.1']")).to_contain_text("Repair Café Bochum")
    expect(report).to_contain_text(f"30.06.{year}: 12,5")
    page.emulate_media(media="print")
    expect(page.locator(".report-actions")).to_be_hidden()
    expect(report.locator("h1")).to_be_visible()
    page.emulate_media(media="screen")
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF herunterladen").click()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    # Everyone sees the link on the public strategy page.
    page.context.clear_cookies()
    page.goto(base + "/kommunen/bochum/strategie/")
    expect(page.locator(f"#massnahme-{measure.pk}")).to_contain_text("Repair Café Bochum")
