"""Accounts through allauth: signup with verification, e-mail login, password reset, chrome."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from tests.factories import DEFAULT_PASSWORD, MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Sonnenblume-im-Garten-7"


def _link(message) -> str:
    match = re.search(r"https?://[^/\s]+(/konto/\S+)", message.body)
    assert match, message.body
    return match.group(1)


def _login(client, email, password):
    return client.post("/konto/login/", {"login": email, "password": password})


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_signup_sends_a_verification_mail_and_login_waits_for_it(client):
    response = client.post(
        "/konto/signup/",
        {
            "email": "neu@example.org",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/konto/confirm-email/"
    assert not _logged_in(client)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["neu@example.org"]
    assert not EmailAddress.objects.get(email="neu@example.org").verified

    client.logout()
    refused = _login(client, "neu@example.org", NEW_PASSWORD)
    assert refused.status_code == 302 and refused["Location"] == "/konto/confirm-email/"
    assert not _logged_in(client)

    confirm = _link(mail.outbox[0])
    page = client.get(confirm)  # GET only shows the button: mail scanners confirm nothing
    assert page.status_code == 200
    assert not EmailAddress.objects.get(email="neu@example.org").verified
    client.post(confirm)
    assert EmailAddress.objects.get(email="neu@example.org").verified

    accepted = _login(client, "neu@example.org", NEW_PASSWORD)
    assert accepted.status_code == 302 and accepted["Location"] == "/"
    assert _logged_in(client)


def test_login_by_email_is_case_insensitive_and_rejects_wrong_passwords(client):
    UserFactory(email="anna@example.org")
    assert _login(client, "anna@example.org", "falsch-falsch").status_code == 200
    assert not _logged_in(client)
    assert _login(client, "Anna@Example.ORG", DEFAULT_PASSWORD).status_code == 302
    assert _logged_in(client)


def test_password_reset_by_mail(client):
    user = UserFactory(email="vergesslich@example.org")
    response = client.post("/konto/password/reset/", {"email": "vergesslich@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = _link(mail.outbox[0])
    form = client.get(link, follow=True)
    assert form.status_code == 200
    change_url = form.redirect_chain[-1][0] if form.redirect_chain else link
    done = client.post(change_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_reset_for_an_unknown_address_reveals_nothing(client):
    response = client.post("/konto/password/reset/", {"email": "niemand@example.org"})
    assert response.status_code == 302
    assert all(
        "niemand" not in m.body or "/konto/password/reset/key/" not in m.body for m in mail.outbox
    )


def test_account_pages_are_german_with_the_site_chrome(client):
    html = client.get("/konto/login/").content.decode()
    assert '<header class="site-header">' in html
    assert "Anmelden" in html and "Passwort" in html
    assert "Passwort vergessen" in html
    html = client.get("/konto/signup/").content.decode()
    assert "Registrieren" in html


def test_header_shows_login_or_the_users_address_and_logout(client):
    assert 'href="/konto/login/">Anmelden</a>' in client.get("/").content.decode()
    user = UserFactory(email="kopf@example.org")
    client.force_login(user)
    html = client.get("/").content.decode()
    assert "kopf@example.org" in html
    assert ">Mein Bereich</a>" in html and 'href="/konto/"' in html
    assert 'href="/konto/logout/">Abmelden</a>' in html
    client.post("/konto/logout/")
    assert not _logged_in(client)


def test_my_organisations_lists_memberships_and_needs_login(client):
    assert client.get("/konto/organisationen/")["Location"].startswith("/konto/login/")
    membership = MembershipFactory(
        organisation=OrganisationFactory(name="Netzwerkteam NRW", type="network_team"), role="owner"
    )
    client.force_login(membership.user)
    html = client.get("/konto/organisationen/").content.decode()
    assert "Netzwerkteam NRW" in html and "Netzwerkteam" in html
    assert "Eigentümer" in html


def test_account_pages_refuse_framing(client):
    assert client.get("/konto/login/")["X-Frame-Options"] == "DENY"


def test_users_are_created_without_a_username_field_in_the_form(client):
    client.post(
        "/konto/signup/",
        {
            "email": "ohne-name@example.org",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    user = get_user_model().objects.get(email="ohne-name@example.org")
    assert user.username


def test_the_embed_sets_no_cookies_for_a_logged_in_visitor(client, reference_data):
    client.force_login(UserFactory())
    for url in ("/embed/", "/embed/data.geojson", "/embed/embed.js"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url
        assert "Cookie" not in response.get("Vary", ""), url


def test_password_resets_for_one_address_are_limited_across_clients():
    """allauth's limits (ACCOUNT_RATE_LIMITS) come from settings.RATE_LIMITS."""
    from django.test import Client

    UserFactory(email="vergesslich@example.org")
    statuses = [
        Client(REMOTE_ADDR=f"198.51.100.{n}")
        .post("/konto/password/reset/", {"email": "vergesslich@example.org"})
        .status_code
        for n in range(4)
    ]
    assert statuses == [302, 302, 302, 429]  # reset_password.email: 3/h
    assert len(mail.outbox) == 3
    refused = Client(REMOTE_ADDR="198.51.100.9").post(
        "/konto/password/reset/", {"email": "vergesslich@example.org"}
    )
    assert refused["Retry-After"] == "3600"  # the longest window of reset_password


def test_signing_up_again_with_one_address_mails_it_a_bounded_number_of_times():
    from django.test import Client

    for n in range(5):
        Client(REMOTE_ADDR=f"198.51.100.{n}").post(
            "/konto/signup/",
            {"email": "opfer@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        )
    assert len(mail.outbox) == 3  # confirm_email.email: 3/h, also for "already exists" mails


def test_sign_ups_from_one_client_are_limited(client):
    assert client.get("/konto/signup/").status_code == 200
    for n in range(10):
        client.post(
            "/konto/signup/",
            {"email": f"p{n}@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        )
    refused = client.post(
        "/konto/signup/",
        {"email": "p11@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert refused.status_code == 429  # signup.ip: 10/h
    assert "Zu viele" in refused.content.decode()
    # allauth's 429 goes through our handler429: when to try again, in the header and the text.
    assert refused["Retry-After"] == "3600"
    assert "in 60 Minuten noch einmal" in refused.content.decode()
