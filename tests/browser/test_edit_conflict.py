"""Two editors in two browsers edit one entry: the second sees the first's change, keeps
what she typed, and saves both; nothing is lost (core.concurrency)."""

import pytest

from mitmachkarte.initiatives.models import Initiative
from tests.factories import (
    DEFAULT_PASSWORD,
    InitiativeFactory,
    MembershipFactory,
    OrganisationFactory,
)


@pytest.fixture
def entry(live_server, reference_data):
    return InitiativeFactory(
        name="Repair Café Ehrenfeld",
        latitude=50.95,
        longitude=6.92,
        city="Köln",
        description="Wir reparieren.\nJeden Monat.",  # a textarea a browser sends with CRLF
        meeting_times="Freitags",
    )


def logged_in(new_context, live_server, user):
    page = new_context().new_page()
    page.goto(f"{live_server.url}/konto/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(f"{live_server.url}/")
    return page


def test_the_second_editor_sees_the_conflict_and_saves_both(new_context, live_server, entry):
    organisation = OrganisationFactory(type="initiative", initiative=entry)
    first = MembershipFactory(organisation=organisation, role="owner", user__first_name="Erika")
    second = MembershipFactory(organisation=organisation, role="editor")
    edit = f"{live_server.url}/initiativen/{entry.slug}/bearbeiten/"
    one = logged_in(new_context, live_server, first.user)
    two = logged_in(new_context, live_server, second.user)
    one.goto(edit)
    two.goto(edit)

    one.fill("textarea[name=meeting_times]", "Samstags")
    one.click("text=Änderungen veröffentlichen")
    one.wait_for_url(f"{live_server.url}{entry.get_absolute_url()}")
    two.fill("input[name=city]", "Köln-Ehrenfeld")
    two.click("text=Änderungen veröffentlichen")

    notice = two.locator("#conflict")
    notice.wait_for()
    assert "Erika" in notice.inner_text() and "Samstags" in notice.inner_text()
    # Only the field the other changed is listed: the untouched description is no conflict.
    assert notice.locator("tbody tr").count() == 1
    assert two.input_value("textarea[name=meeting_times]") == "Samstags"
    assert two.input_value("input[name=city]") == "Köln-Ehrenfeld"
    assert Initiative.objects.get(pk=entry.pk).city == "Köln"

    two.click("text=Änderungen veröffentlichen")
    two.wait_for_url(f"{live_server.url}{entry.get_absolute_url()}")
    saved = Initiative.objects.get(pk=entry.pk)
    assert (saved.city, saved.meeting_times) == ("Köln-Ehrenfeld", "Samstags")
    # (Saving rewrites the line endings to CRLF: issue 18 normalises them on input.)
    assert saved.description.replace("\r\n", "\n") == "Wir reparieren.\nJeden Monat."
