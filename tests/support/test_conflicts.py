"""No lost updates on needs and offers: two members edit at once (core.concurrency)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from mitmachkarte.organisations.services import add_member
from mitmachkarte.support.models import Need, Offer
from tests.factories import NeedFactory, OfferFactory, UserFactory
from tests.page_forms import form_in

pytestmark = pytest.mark.django_db


def two_members(organisation):
    second = UserFactory(email="zweite@example.org", first_name="Zweite")
    add_member(organisation=organisation, user=second)
    first, other = Client(), Client()
    first.force_login(organisation.member)
    other.force_login(second)
    return first, other


@pytest.fixture
def need(repair_cafe, towns):
    return NeedFactory(
        organisation=repair_cafe,
        municipality=towns["bochum"],
        title="Raum gesucht",
        description="Für 20 Leute",
        schedule="monatlich",
    )


def need_form(response) -> dict:
    return form_in(response, form_id="need-form")


def test_a_stale_need_form_is_refused_and_merged(repair_cafe, need):
    first, second = two_members(repair_cafe)
    url = f"/unterstuetzung/bedarfe/{need.pk}/bearbeiten/"
    form_1, form_2 = need_form(first.get(url)), need_form(second.get(url))
    assert first.post(url, {**form_1, "title": "Großer Raum gesucht"}).status_code == 302

    response = second.post(url, {**form_2, "schedule": "jeden Samstag"})

    assert response.status_code == 409
    page = response.content.decode()
    assert "Jemand anderes hat in der Zwischenzeit" in page and "Großer Raum gesucht" in page
    saved = Need.objects.get(pk=need.pk)
    assert (saved.title, saved.schedule) == ("Großer Raum gesucht", "monatlich")
    again = need_form(response)
    assert again["title"] == "Großer Raum gesucht" and again["schedule"] == "jeden Samstag"
    assert again["municipality"] == "Bochum"
    assert second.post(url, again).status_code == 302
    saved = Need.objects.get(pk=need.pk)
    assert (saved.title, saved.schedule) == ("Großer Raum gesucht", "jeden Samstag")


def test_both_edited_the_description(repair_cafe, need):
    first, second = two_members(repair_cafe)
    url = f"/unterstuetzung/bedarfe/{need.pk}/bearbeiten/"
    form_1, form_2 = need_form(first.get(url)), need_form(second.get(url))
    first.post(url, {**form_1, "description": "Erste Fassung"})
    response = second.post(url, {**form_2, "description": "Zweite Fassung"})
    assert response.status_code == 409
    assert "Das hast du auch geändert" in response.content.decode()
    assert need_form(response)["description"] == "Zweite Fassung"
    assert Need.objects.get(pk=need.pk).description == "Erste Fassung"


def test_a_stale_status_change_is_refused(repair_cafe, need):
    first, second = two_members(repair_cafe)
    page = f"/unterstuetzung/bedarfe/{need.pk}/"
    status_url = f"/unterstuetzung/bedarfe/{need.pk}/status/"
    form_1 = form_in(first.get(page), action=status_url)
    form_2 = form_in(second.get(page), action=status_url)
    first.post(status_url, {**form_1, "status": "solved"})

    response = second.post(status_url, {**form_2, "status": "withdrawn"}, follow=True)

    assert Need.objects.get(pk=need.pk).status == "solved"
    assert "in der Zwischenzeit geändert" in response.content.decode()
    fresh = form_in(response, action=status_url)
    second.post(status_url, {**fresh, "status": "withdrawn"})
    assert Need.objects.get(pk=need.pk).status == "withdrawn"


def test_a_stale_offer_form_keeps_a_changed_deadline(city, towns):
    funding = OfferFactory(
        offer_type="funding",
        organisation=city,
        municipality=towns["bochum"],
        title="Klimafonds",
        funder="Stadt Bochum",
        deadline=timezone.localdate() + timedelta(days=30),
    )
    first, second = two_members(city)
    url = f"/unterstuetzung/angebote/{funding.pk}/bearbeiten/"
    form_1 = form_in(first.get(url), form_id="offer-form")
    form_2 = form_in(second.get(url), form_id="offer-form")
    later = timezone.localdate() + timedelta(days=60)
    assert first.post(url, {**form_1, "deadline": later.isoformat()}).status_code == 302

    response = second.post(url, {**form_2, "title": "Klimafonds 2026"})

    assert response.status_code == 409
    assert Offer.objects.get(pk=funding.pk).title == "Klimafonds"
    again = form_in(response, form_id="offer-form")
    assert again["deadline"] == later.isoformat() and again["title"] == "Klimafonds 2026"
    assert second.post(url, again).status_code == 302
    saved = Offer.objects.get(pk=funding.pk)
    assert (saved.title, saved.deadline) == ("Klimafonds 2026", later)
