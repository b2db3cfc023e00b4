import pytest
from django.urls import reverse

from mitmachkarte.municipalities.models import Municipality
from tests.factories import MembershipFactory, MunicipalityFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bochum(reference_data) -> Municipality:
    return MunicipalityFactory(name="Bochum", slug="bochum")


def page(client, municipality):
    url = reverse("initiatives:municipality", args=[municipality.slug])
    return client.get(url).content.decode()


def test_anonymous_visitors_see_public_links_only(client, bochum):
    html = page(client, bochum)
    assert reverse("sdgreport:report", args=["bochum"]) in html
    assert reverse("support:permits", args=["bochum"]) in html
    assert reverse("surveys:municipality", args=["bochum"]) not in html
    assert reverse("moderation:queue") not in html


def test_municipal_member_sees_workspace_moderation_and_surveys_of_own_town_only(client, bochum):
    other = MunicipalityFactory(name="Herne", slug="herne")
    organisation = OrganisationFactory(
        type="municipality", municipality=bochum, slug="stadt-bochum"
    )
    user = MembershipFactory(organisation=organisation).user
    client.force_login(user)
    html = page(client, bochum)
    assert reverse("support:workspace", args=["stadt-bochum"]) in html
    assert reverse("surveys:municipality", args=["bochum"]) in html
    assert reverse("moderation:queue") in html
    elsewhere = page(client, other)
    assert reverse("support:workspace", args=["stadt-bochum"]) not in elsewhere
    assert reverse("surveys:municipality", args=["herne"]) not in elsewhere


def test_plain_user_sees_no_moderation_link(client, bochum):
    client.force_login(UserFactory())
    assert reverse("moderation:queue") not in page(client, bochum)
