import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from mitmachkarte.subscriptions import tokens
from mitmachkarte.subscriptions.models import Subscription

from .conftest import confirmed, link_from

pytestmark = pytest.mark.django_db

URL = "/abonnieren/"


def form_data(**overrides) -> dict:
    data = {
        "email": "anna@example.org",
        "area_type": "municipality",
        "municipality": "Münster",
        "bbox": "",
        "kinds": ["initiatives"],
        "frequency": "weekly",
        "consent": "on",
        "homepage": "",
    }
    data.update(overrides)
    return data


def test_form_preselects_the_municipality_of_the_link(client, towns):
    response = client.get(URL + "?kommune=muenster")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Münster"' in html
    assert 'href="/datenschutz/"' in html
    # every kind with a collector, needs and offers of the support exchange included
    for kind in ("initiatives", "events", "needs", "offers"):
        assert f'value="{kind}"' in html


def test_pages_link_to_the_form(client, towns):
    assert f'href="{URL}?kommune=muenster"' in client.get("/kommunen/muenster/").content.decode()
    assert f'href="{URL}"' in client.get("/").content.decode()  # map page and footer


def test_subscribe_confirm_and_manage(client, towns):
    response = client.post(URL, form_data(municipality="05515000", categories=["repair"]))
    assert response.status_code == 302 and response["Location"] == reverse("subscriptions:sent")
    subscription = Subscription.objects.get()
    assert subscription.municipality == towns["muenster"] and not subscription.is_confirmed
    assert subscription.consent_text.startswith("Ich bin einverstanden")
    assert len(mail.outbox) == 1

    path, _token = link_from(mail.outbox[0], "bestaetigen")
    page = client.get(path)
    assert page.status_code == 200 and "Abonnement bestätigen" in page.content.decode()
    subscription.refresh_from_db()
    assert not subscription.is_confirmed  # a GET (mail scanner) confirms nothing

    response = client.post(path, follow=True)
    subscription.refresh_from_db()
    assert subscription.is_confirmed
    html = response.content.decode()
    assert "Deine Abonnements" in html and "Münster" in html and "Reparieren" in html
    assert response.redirect_chain[-1][0].startswith("/abonnieren/verwalten/")
    assert response["X-Robots-Tag"] == "noindex, nofollow"


@pytest.mark.parametrize(
    "overrides",
    [
        {"municipality": ""},  # empty area
        {"area_type": "bbox", "municipality": "Münster"},  # box chosen, none drawn
        {"area_type": "bbox", "bbox": "8,52,7,51"},  # west > east
        {"municipality": "Atlantis"},
        {"consent": ""},
        {"email": "anna"},
        {"kinds": []},
        {"kinds": ["gossip"]},
    ],
)
def test_bad_form_input_saves_and_mails_nothing(client, towns, overrides):
    response = client.post(URL, form_data(**overrides))
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert not Subscription.objects.exists() and mail.outbox == []


def test_empty_area_message(client, towns):
    response = client.post(URL, form_data(municipality=""))
    assert "Wähle eine Kommune." in response.content.decode()


def test_box_subscription(client, towns):
    response = client.post(
        URL, form_data(area_type="bbox", bbox="7.5,51.9,7.7,52.0", municipality="ignored")
    )
    assert response.status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.municipality is None
    assert (subscription.west, subscription.south, subscription.east, subscription.north) == (
        7.5,
        51.9,
        7.7,
        52.0,
    )


def test_honeypot_looks_successful_but_stores_nothing(client, towns):
    response = client.post(URL, form_data(homepage="http://spam.example"))
    assert response.status_code == 302
    assert not Subscription.objects.exists() and mail.outbox == []


def test_rate_limit(client, towns, set_rate):
    set_rate("subscribe.ip", "2/h")
    for n in range(2):
        assert client.post(URL, form_data(email=f"p{n}@example.org")).status_code == 302
    response = client.post(URL, form_data(email="p3@example.org"))
    assert response.status_code == 429
    assert "Zu viele Versuche" in response.content.decode()
    assert Subscription.objects.count() == 2


def test_one_click_unsubscribe_needs_no_csrf_token(towns):
    subscription = confirmed(email="anna@example.org", municipality=towns["muenster"])
    token = tokens.make_token(
        purpose=tokens.UNSUBSCRIBE,
        email_key=subscription.email_key,
        subscription_id=subscription.pk,
    )
    path = reverse("subscriptions:unsubscribe", args=[token])
    strict = Client(enforce_csrf_checks=True)
    page = strict.get(path)
    assert page.status_code == 200 and "Abbestellen" in page.content.decode()
    assert Subscription.objects.exists()  # GET changes nothing

    response = strict.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert strict.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200  # retried
    assert "abbestellt" in strict.get(path).content.decode()


def test_csrf_stays_on_for_the_other_forms(towns):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(URL, form_data()).status_code == 403
    assert not Subscription.objects.exists()


@pytest.mark.parametrize("name", ["confirm", "unsubscribe", "manage"])
def test_forged_tokens_get_a_clear_error_and_change_nothing(client, towns, name):
    subscription = confirmed(email="anna@example.org", municipality=towns["muenster"])
    good = tokens.make_token(
        purpose=tokens.UNSUBSCRIBE,
        email_key=subscription.email_key,
        subscription_id=subscription.pk,
    )
    for forged in (good[:-3] + "abc", "nonsense"):
        for method in (client.get, client.post) if name != "manage" else (client.get,):
            response = method(reverse(f"subscriptions:{name}", args=[forged]))
            assert response.status_code == 400
            assert "Dieser Link funktioniert nicht" in response.content.decode()
    assert Subscription.objects.filter(pk=subscription.pk).exists()


def test_manage_page_lists_and_changes_only_own_subscriptions(client, towns):
    mine = confirmed(email="anna@example.org", municipality=towns["muenster"])
    confirmed(email="Anna@example.org", municipality=towns["greven"], frequency="immediate")
    theirs = confirmed(email="ben@example.org", municipality=towns["greven"])
    token = tokens.make_token(purpose=tokens.MANAGE, email_key=mine.email_key)
    html = client.get(reverse("subscriptions:manage", args=[token])).content.decode()
    assert "Münster" in html and "Greven" in html and "ben@example.org" not in html

    edit = reverse("subscriptions:edit", args=[token, mine.pk])
    assert client.get(edit).status_code == 200
    response = client.post(
        edit,
        {
            "area_type": "municipality",
            "municipality": "greven",
            "kinds": ["initiatives", "events"],
            "frequency": "immediate",
        },
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.municipality == towns["greven"] and mine.kinds == ["initiatives", "events"]

    bad = client.post(
        edit,
        {
            "area_type": "municipality",
            "municipality": "",
            "kinds": ["initiatives"],
            "frequency": "weekly",
        },
    )
    assert bad.status_code == 400
    mine.refresh_from_db()
    assert mine.municipality == towns["greven"]
    assert client.get(reverse("subscriptions:edit", args=[token, theirs.pk])).status_code == 404


def test_confirmation_mails_to_one_address_are_limited_across_clients(towns, set_rate):
    set_rate("subscribe.email", "2/h")
    statuses = [
        Client(REMOTE_ADDR=f"198.51.100.{n}")
        .post(URL, form_data(email="Opfer@example.org"))
        .status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert len(mail.outbox) == 2
