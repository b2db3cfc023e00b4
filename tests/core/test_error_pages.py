"""Error answers: the site's layout in German, frameable under /embed/, JSON under /api/."""

import json

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import OperationalError
from django.test import Client, RequestFactory
from django.utils import translation

from mitmachkarte.core import errors

rf = RequestFactory()


@pytest.fixture
def quiet_client():
    """A client that returns 500s as the visitor sees them instead of raising."""
    return Client(raise_request_exception=False)


def _html(response) -> str:
    return response.content.decode()


def _detail(response) -> str:
    return json.loads(response.content)["detail"]


@pytest.mark.django_db
def test_unknown_page_is_a_german_404_in_the_site_layout(client):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    page = _html(response)
    assert "Seite nicht gefunden" in page
    assert 'class="site-header"' in page and 'lang="de"' in page
    assert response["X-Frame-Options"] == "DENY"  # the site itself stays unframeable


@pytest.mark.django_db
def test_the_404_page_follows_the_chosen_language(client):
    response = client.get("/gibt-es-nicht/", HTTP_ACCEPT_LANGUAGE="en")
    assert "Page not found" in _html(response)


@pytest.mark.django_db
def test_unknown_api_path_is_json_404(client):
    response = client.get("/api/v1/gibt-es-nicht")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert _detail(response)


@pytest.mark.django_db
def test_embed_404_is_frameable_without_site_chrome(client):
    response = client.get("/embed/gibt-es-nicht", {"lang": "en"})
    assert response.status_code == 404
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    page = _html(response)
    assert "site-header" not in page and "Page not found" in page


def test_403_shows_the_reason_given_to_the_visitor():
    with translation.override("de"):
        response = errors.permission_denied(rf.get("/x/"), PermissionDenied("Nur für Teams."))
    assert response.status_code == 403
    assert "Nur für Teams." in _html(response) and "Zugriff verweigert" in _html(response)


def test_403_of_a_rate_limit_becomes_429():
    class Ratelimited(PermissionDenied):  # the name django-ratelimit raises
        pass

    response = errors.permission_denied(rf.get("/api/v1/map"), Ratelimited())
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert _detail(response)


@pytest.mark.django_db
def test_csrf_failure_is_a_german_403(client):
    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post("/mitmachen/eintragen/", {"name": "x"})
    assert response.status_code == 403
    assert "Formular" in _html(response) and 'class="site-header"' in _html(response)


def test_400_page():
    with translation.override("de"):
        response = errors.bad_request(rf.get("/x/"), SuspiciousOperation("bad"))
    assert response.status_code == 400 and "Ungültige Anfrage" in _html(response)


@pytest.mark.django_db
def test_429_page_in_the_site_layout():
    request = rf.get("/veranstaltungen/")
    request.user = None  # never asked for: the page must not depend on it
    with translation.override("de"):
        response = errors.too_many_requests(request, retry_after=30)
    assert response.status_code == 429 and response["Retry-After"] == "30"
    assert "Zu viele Anfragen" in _html(response) and "30 Sekunden" in _html(response)


# No django_db mark below: pytest-django fails any database access, so these prove that the
# 500 and 503 pages render without the database.


def test_500_renders_without_the_database():
    with translation.override("de"):
        response = errors.server_error(rf.get("/veranstaltungen/"))
    assert response.status_code == 500
    page = _html(response)
    assert "Etwas ist schiefgelaufen" in page and 'class="site-header"' in page
    assert "account-links" not in page  # no session, no user
    assert response["Cache-Control"] == "no-store"


def test_a_database_fault_becomes_503_with_retry_after():
    with translation.override("de"):
        try:
            raise OperationalError("connection timeout expired")
        except OperationalError:
            response = errors.server_error(rf.get("/veranstaltungen/"))
    assert response.status_code == 503
    assert int(response["Retry-After"]) >= 1
    assert "Vorübergehend nicht erreichbar" in _html(response)


def test_503_is_json_under_the_api_and_frameable_under_the_embed():
    api = errors.service_unavailable(rf.get("/api/v1/initiatives"))
    assert api.status_code == 503 and _detail(api) and api["Retry-After"]
    embed = errors.service_unavailable(rf.get("/embed/"))
    assert embed.status_code == 503 and getattr(embed, "xframe_options_exempt", False)
    assert "frame-ancestors *" in embed["Content-Security-Policy"]
    assert "site-header" not in _html(embed)


@pytest.mark.django_db
def test_an_unexpected_error_answers_the_500_page(quiet_client, monkeypatch):
    from mitmachkarte.initiatives import views

    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(views, "_page", broken)
    response = quiet_client.get("/")
    assert response.status_code == 500
    assert "Etwas ist schiefgelaufen" in _html(response)
