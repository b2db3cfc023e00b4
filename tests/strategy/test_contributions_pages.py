"""The measure page, its actions, the propose page and "Trägt bei zu" on initiative pages."""

import pytest
from django.urls import reverse

from mitmachkarte.strategy import contributions as svc
from mitmachkarte.strategy.models import Contribution
from tests.factories import UserFactory
from tests.strategy.factories_contrib import (
    c_initiative,
    c_initiative_member,
    c_measure,
    c_municipal_member,
    c_town,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(reference_data):
    town = c_town("Bochum", slug="bochum")
    initiative = c_initiative(
        town, name="Repair Café Bochum", sdgs=[12], contact_email="geheim@repair.example"
    )
    return {
        "town": town,
        "measure": c_measure(town, sdgs=[12], title="Reparaturnetz"),
        "initiative": initiative,
        "manager": c_municipal_member(town),
        "volunteer": c_initiative_member(initiative),
    }


def url(measure, name="detail", *args):
    town = measure.operational_goal.strategic_goal.field.strategy.municipality
    return reverse(f"strategy_measure:{name}", args=[town.slug, measure.pk, *args])


def test_public_page_shows_confirmed_contributions_without_contact_data(client, world):
    svc.link_contribution(
        user=world["manager"], measure=world["measure"], target=world["initiative"]
    )
    other = c_initiative(world["town"], name="Kleidertausch", sdgs=[12])
    c_initiative_member(other)
    svc.propose_contribution(
        user=other.organisation.memberships.get().user, organisation=other.organisation,
        measure=world["measure"], target=other,
    )  # fmt: skip
    response = client.get(url(world["measure"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Reparaturnetz" in html and "Umweltamt" in html
    assert world["initiative"].get_absolute_url() in html
    assert "Kleidertausch" not in html  # a proposal is not public
    assert "geheim@repair.example" not in html
    assert 'data-testid="suggestions"' not in html and 'data-testid="link-form"' not in html


@pytest.mark.parametrize(
    "hide", [{"published": False}, {"goal_published": False}, {"strategy_published": False}]
)
def test_unpublished_measures_are_404_except_for_the_municipality(client, world, hide):
    hidden = c_measure(world["town"], code="9", **hide)
    assert client.get(url(hidden)).status_code == 404
    client.force_login(world["volunteer"])
    assert client.get(url(hidden)).status_code == 404
    client.force_login(c_municipal_member(c_town("Herne")))
    assert client.get(url(hidden)).status_code == 404
    client.force_login(world["manager"])
    response = client.get(url(hidden))
    assert response.status_code == 200
    assert 'data-testid="unpublished"' in response.content.decode()


def test_a_measure_under_another_municipality_is_404(client, world):
    other = c_town("Herne", slug="herne")
    path = reverse("strategy_measure:detail", args=[other.slug, world["measure"].pk])
    assert client.get(path).status_code == 404


def test_manager_links_from_the_suggestions(client, world):
    client.force_login(world["manager"])
    page = client.get(url(world["measure"])).content.decode()
    assert f'value="initiative:{world["initiative"].pk}"' in page
    response = client.post(
        url(world["measure"], "link"), {"target": f"initiative:{world['initiative'].pk}"}
    )
    assert response.status_code == 302
    assert Contribution.objects.get().status == "confirmed"
    again = client.post(
        url(world["measure"], "link"), {"target": f"initiative:{world['initiative'].pk}"},
        follow=True,
    )  # fmt: skip
    assert "bereits mit dieser Maßnahme verknüpft" in again.content.decode()
    assert Contribution.objects.count() == 1


@pytest.mark.parametrize("target", ["", "nonsense", "initiative:x", "event:999999", "user:1"])
def test_bad_link_input_is_a_notice_not_a_500(client, world, target):
    client.force_login(world["manager"])
    response = client.post(url(world["measure"], "link"), {"target": target}, follow=True)
    assert response.status_code == 200
    assert not Contribution.objects.exists()


def test_others_cannot_link_decide_or_remove(client, world):
    linked = svc.link_contribution(
        user=world["manager"], measure=world["measure"], target=world["initiative"]
    )
    client.force_login(UserFactory())
    target = {"target": f"initiative:{world['initiative'].pk}"}
    assert client.post(url(world["measure"], "link"), target).status_code == 403
    decision = {"decision": "confirm"}
    assert client.post(url(world["measure"], "decide", linked.pk), decision).status_code == 403
    assert client.post(url(world["measure"], "remove", linked.pk)).status_code == 403
    assert Contribution.objects.count() == 1


def test_initiative_proposes_and_the_manager_confirms(client, world):
    client.force_login(world["volunteer"])
    propose = reverse("strategy_measure:propose", args=[world["initiative"].slug])
    page = client.get(propose)
    assert page.status_code == 200 and "Reparaturnetz" in page.content.decode()
    response = client.post(
        propose,
        {"measure": world["measure"].pk, "target": f"initiative:{world['initiative'].pk}"},
    )
    assert response.status_code == 302
    proposal = Contribution.objects.get()
    assert proposal.status == "proposed"
    # Not yet on the initiative's page.
    detail = client.get(world["initiative"].get_absolute_url()).content.decode()
    assert url(world["measure"]) not in detail

    client.force_login(world["manager"])
    assert "Repair Café Bochum" in client.get(url(world["measure"])).content.decode()
    client.post(url(world["measure"], "decide", proposal.pk), {"decision": "confirm"})
    proposal.refresh_from_db()
    assert proposal.status == "confirmed" and proposal.decided_by == world["manager"]
    client.logout()
    detail = client.get(world["initiative"].get_absolute_url()).content.decode()
    assert 'data-testid="contributes-to"' in detail
    assert url(world["measure"]) in detail


def test_propose_page_refuses_others_and_foreign_things(client, world):
    propose = reverse("strategy_measure:propose", args=[world["initiative"].slug])
    assert client.get(propose).status_code == 302  # to the login
    client.force_login(world["manager"])
    assert client.get(propose).status_code == 403
    client.force_login(world["volunteer"])
    neighbour = c_initiative(world["town"], name="Nachbar")
    response = client.post(
        propose, {"measure": world["measure"].pk, "target": f"initiative:{neighbour.pk}"}
    )
    assert response.status_code == 400
    hidden = c_measure(world["town"], code="9", published=False)
    response = client.post(
        propose, {"measure": hidden.pk, "target": f"initiative:{world['initiative'].pk}"}
    )
    assert response.status_code == 400
    assert not Contribution.objects.exists()


def test_initiative_page_lists_only_published_measures(client, world):
    hidden = c_measure(world["town"], code="9", goal_published=False)
    svc.link_contribution(user=world["manager"], measure=hidden, target=world["initiative"])
    detail = client.get(world["initiative"].get_absolute_url()).content.decode()
    assert 'data-testid="contributes-to"' not in detail
    svc.link_contribution(
        user=world["manager"], measure=world["measure"], target=world["initiative"]
    )
    detail = client.get(world["initiative"].get_absolute_url()).content.decode()
    assert url(world["measure"]) in detail and url(hidden) not in detail


def test_peers_on_the_measure_page(client, world):
    koeln = c_town("Köln", slug="koeln")
    peer = c_measure(koeln, code="K1", sdgs=[12], title="Reparieren in Köln")
    response = client.get(url(world["measure"])).content.decode()
    assert 'data-testid="peers"' in response
    assert url(peer) in response


def test_the_propose_link_is_for_the_initiative_and_only_with_measures(client, world):
    propose = reverse("strategy_measure:propose", args=[world["initiative"].slug])
    detail = world["initiative"].get_absolute_url()
    assert propose not in client.get(detail).content.decode()
    client.force_login(world["manager"])
    assert propose not in client.get(detail).content.decode()
    client.force_login(world["volunteer"])
    assert propose in client.get(detail).content.decode()
    world["measure"].published = False
    world["measure"].save()
    assert propose not in client.get(detail).content.decode()
