"""“Mein Bereich” (/konto/): per role what waits, with counts; linked from the header."""

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _page(user) -> str:
    client = Client()
    client.force_login(user)
    response = client.get("/konto/")
    assert response.status_code == 200
    return response.content.decode()


def _section(html: str, key: str) -> str:
    match = re.search(rf'data-section="{key}">(.*?)</section>', html, re.S)
    return match.group(1) if match else ""


def test_anonymous_visitors_go_to_the_login_page(client):
    response = client.get("/konto/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
    assert "Mein Bereich" not in client.get("/veranstaltungen/").content.decode()


def test_header_links_my_area_once_logged_in(client, world):
    client.force_login(world["users"]["plain"])
    html = client.get("/veranstaltungen/").content.decode()
    assert 'href="/konto/"' in html and "Mein Bereich" in html


def test_network_team_sees_the_queue_with_counts(world):
    html = _page(world["users"]["network"])
    moderation = _section(html, "moderation")
    assert "1 Vorschlag zu prüfen" in moderation
    assert 'href="/moderation/"' in moderation
    assert 'href="/moderation/schlagwoerter/"' in moderation  # only the network team
    assert 'href="/befragungen/verwalten/"' in _section(html, "surveys")


def test_municipal_member_sees_workspace_strategy_and_prefilled_embed(world):
    town = world["town_a"]
    html = _page(world["users"]["municipal_a"])
    assert "1 Vorschlag zu prüfen" in _section(html, "moderation")
    mine = _section(html, f"municipality-{town.slug}")
    organisation = world["organisations"]["municipal_a"]
    assert f'href="/konto/arbeitsbereich/{organisation.slug}/"' in mine
    assert f'href="/kommunen/{town.slug}/strategie/prioritaeten/"' in mine
    assert f'href="/kommunen/{town.slug}/strategie/bearbeiten/"' in mine
    assert f'href="/einbinden/?kommune={town.ags}"' in mine
    assert f"municipality-{world['town_b'].slug}" not in html


def test_municipal_member_elsewhere_has_nothing_to_review(world):
    html = _page(world["users"]["municipal_b"])
    assert "0 Vorschläge zu prüfen" in _section(html, "moderation")


def test_initiative_member_edits_the_entry_and_sees_no_moderation(world):
    html = _page(world["users"]["editor_a"])
    assert _section(html, "moderation") == ""
    assert f'href="/initiativen/{world["entry"].slug}/bearbeiten/"' in _section(html, "entries")
    assert 'href="/unterstuetzung/bedarfe/neu/"' in _section(html, "support")
    assert 'href="/unterstuetzung/bedarfe/neu/"' not in _page(world["users"]["advice"])


def test_a_person_without_organisation_has_nothing_waiting(world):
    html = _page(world["users"]["plain"])
    assert "Gerade wartet nichts auf dich." in html
    assert _section(html, "moderation") == "" and _section(html, "support") == ""


def test_the_page_only_reads(world):
    client = Client()
    client.force_login(world["users"]["network"])
    assert client.post("/konto/").status_code == 405


def test_municipality_page_and_workspace_link_the_prefilled_configurator(client, world):
    town = world["town_a"]
    embed = f'href="/einbinden/?kommune={town.ags}"'
    assert embed in client.get(town.get_absolute_url()).content.decode()
    client.force_login(world["users"]["municipal_a"])
    workspace = client.get(f"/konto/arbeitsbereich/{world['organisations']['municipal_a'].slug}/")
    assert embed in workspace.content.decode()
    configurator = client.get(f"/einbinden/?kommune={town.ags}").content.decode()
    assert f'value="{town.name}"' in configurator  # the municipality is filled in
