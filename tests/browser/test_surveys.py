"""Answer a survey on a phone-sized screen and see the results chart update."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from mitmachkarte.organisations.models import OrganisationType
from mitmachkarte.surveys import services
from tests.factories import MembershipFactory, OrganisationFactory

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def open_survey(live_server, reference_data):
    template = services.install_template()
    survey = services.copy_survey(survey=template, title_de="Befragung am Telefon")
    now = timezone.now()
    return services.update_survey(
        survey=survey,
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=7),
        open_link=True,
    )


def logged_in_context(new_context, live_server, user):
    client = Client()
    client.force_login(user)
    context = new_context()
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context


def test_answer_on_a_phone_and_the_results_chart_updates(new_context, live_server, open_survey):
    ids = {q.key: q.pk for q in open_survey.questions.all()}
    team = MembershipFactory(
        organisation=OrganisationFactory(type=OrganisationType.NETWORK_TEAM)
    ).user
    results_page = logged_in_context(new_context, live_server, team).new_page()
    results_url = f"{live_server.url}/befragungen/{open_survey.slug}/ergebnisse/"
    results_page.goto(results_url)
    assert results_page.locator("#response-count").get_attribute("data-count") == "0"
    room = results_page.locator("#ergebnis-support_wanted [data-key='room'] .bar-value")
    assert room.get_attribute("data-count") == "0"

    phone = new_context(**PHONE).new_page()
    errors = []
    phone.on("pageerror", lambda exc: errors.append(str(exc)))
    phone.goto(f"{live_server.url}/befragungen/{open_survey.slug}/")
    quality = phone.locator("#frage-contact_quality")
    expect(quality).to_be_hidden()  # shown only after "yes"
    phone.locator(f"input[name='q{ids['has_contact']}'][value='yes']").check()
    expect(quality).to_be_visible()
    phone.locator(f"input[name='q{ids['contact_quality']}'][value='4']").check()
    # Nothing wider than the phone's screen.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.get_by_role("button", name="Weiter", exact=True).click()
    phone.wait_for_url("**seite=2")
    phone.get_by_label("Raumsuche").check()
    phone.get_by_label("Genehmigungen").check()
    phone.get_by_role("button", name="Weiter", exact=True).click()
    phone.wait_for_url("**seite=3")
    # A skipped required question: a clear error, the page stays.
    phone.get_by_role("button", name="Antworten prüfen").click()
    expect(phone.locator(".field-error").first).to_have_text("Bitte beantworte diese Frage.")
    phone.locator(f"input[name='q{ids['regional_talk']}'][value='yes']").check()
    phone.get_by_role("button", name="Antworten prüfen").click()
    phone.wait_for_url("**/pruefen/**")
    phone.get_by_role("button", name="Antworten abschicken").click()
    phone.wait_for_url("**/danke/**")
    summary = phone.locator(".survey-summary").inner_text()
    assert "Genehmigungen, Raumsuche" in summary
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert not errors

    results_page.reload()
    assert results_page.locator("#response-count").get_attribute("data-count") == "1"
    assert room.get_attribute("data-count") == "1"
    width = results_page.locator("#ergebnis-support_wanted [data-key='room'] rect").get_attribute(
        "width"
    )
    assert width == "100.0%"
    funding = results_page.locator(
        "#ergebnis-support_wanted [data-key='funding'] rect"
    ).get_attribute("width")
    assert funding == "0.0%"
