"""An initiative claims its entry through the mailed link, edits it, and sees the change."""

import re

import pytest
from django.core import mail

from tests.factories import DEFAULT_PASSWORD, InitiativeFactory, UserFactory


@pytest.fixture
def entry(live_server, reference_data):
    return InitiativeFactory(
        name="Repair Café Ehrenfeld",
        latitude=50.95,
        longitude=6.92,
        city="Köln",
        contact_email="repair@ehrenfeld.example",
    )


def test_claim_edit_and_history(page, live_server, entry):
    user = UserFactory(email="gruppe@example.org")
    page.goto(f"{live_server.url}/konto/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}{entry.get_absolute_url()}")
    assert "repair@ehrenfeld.example" not in page.content()
    page.click("text=Das ist unsere Initiative")
    page.click("text=Bestätigungslink senden")
    page.wait_for_selector("text=Wir haben einen Bestätigungslink")

    [message] = mail.outbox
    assert message.to == ["repair@ehrenfeld.example"]
    path = re.search(r"https?://[^/\s]+(/konto/uebernehmen/\S+/)", message.body).group(1)
    page.goto(f"{live_server.url}{path}")
    page.click("text=Ja, das ist unsere Initiative")
    page.wait_for_url(re.compile(r".*/bearbeiten/$"))
    assert "Du bearbeitest diesen Eintrag" in page.content()

    page.fill("textarea[name=meeting_times]", "Jeden ersten Freitag, 17–20 Uhr")
    page.click("text=Änderungen veröffentlichen")
    page.wait_for_url(f"{live_server.url}{entry.get_absolute_url()}")
    assert "Jeden ersten Freitag, 17–20 Uhr" in page.locator("main").inner_text()

    page.click("text=Verlauf")
    page.wait_for_url(re.compile(r".*/verlauf/$"))
    history = page.locator(".version").first.inner_text()
    assert "Jeden ersten Freitag, 17–20 Uhr" in history and user.username in history
