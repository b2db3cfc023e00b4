"""Embed routes may be framed by any site, set no cookies and are cacheable; the rest of
the site refuses framing."""

import re

import pytest

from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

EMBED_URLS = [
    "/embed/",
    "/embed/?kommune=05315000&lang=en",
    "/embed/data.geojson",
    "/embed/data.geojson?kommune=koeln&lang=en",
    "/embed/embed.js",
]


@pytest.fixture
def entries(koeln):
    return [
        InitiativeFactory(name="Repair Café Köln", latitude=50.94, longitude=6.96),
        InitiativeFactory(
            name="Garten Bonn", latitude=50.73, longitude=7.10, categories=["gardening-nature"]
        ),
    ]


@pytest.mark.parametrize("url", ["/embed/", "/embed/?kommune=koeln&category=repair"])
def test_embed_is_frameable_by_any_site(client, entries, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]


@pytest.mark.parametrize("url", ["/", "/einbinden/", "/kommunen/"])
def test_other_pages_refuse_framing(client, entries, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors" not in response.get("Content-Security-Policy", "")


@pytest.mark.parametrize("url", EMBED_URLS)
def test_embed_responses_set_no_cookies(client, entries, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in str(response.serialize_headers())
    assert "Cookie" not in response.get("Vary", "")


def test_no_cookies_even_for_a_visitor_who_has_platform_cookies(client, entries):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    client.get("/einbinden/")  # sets the CSRF cookie for the platform's own pages
    assert client.cookies
    response = client.get("/embed/?lang=de")
    assert not response.cookies
    assert '<html lang="de">' in response.content.decode()


def test_lang_parameter_sets_the_language_of_this_response_only(client, entries):
    english = client.get("/embed/?lang=en")
    assert '<html lang="en">' in english.content.decode()
    assert english["Content-Language"] == "en"
    assert not english.cookies
    # No lang: German, whatever the browser prefers (the host page is German).
    german = client.get("/embed/", HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="de">' in german.content.decode()
    assert german["Content-Language"] == "de"


def test_embed_page_has_no_csrf_token_and_loads_only_own_assets(client, entries):
    html = client.get("/embed/?kommune=koeln").content.decode()
    assert "csrfmiddlewaretoken" not in html
    for attr in ("src", "href"):
        for url in re.findall(rf'<(?:script|link)[^>]* {attr}="([^"]+)"', html):
            assert url.startswith(("/static/", "/embed/data.geojson")), url


def test_csp_allows_only_self_and_the_tile_server(client, entries, settings):
    settings.TILE_URL = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    csp = client.get("/embed/")["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"
    assert directives["connect-src"] == "'self'"
    assert directives["img-src"] == "'self' data: https://*.tiles.example.org"


@pytest.mark.parametrize(
    "url", ["/embed/data.geojson?kommune=koeln", "/embed/?kommune=koeln", "/embed/embed.js"]
)
def test_conditional_get_answers_304(client, entries, url):
    first = client.get(url)
    assert first.status_code == 200
    assert "max-age=" in first["Cache-Control"] and "public" in first["Cache-Control"]
    etag = first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert "X-Frame-Options" not in again


def test_gzip_with_weak_etag_still_answers_304(client, entries):
    url = "/embed/data.geojson"
    first = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert first["Content-Encoding"] == "gzip"
    assert first["ETag"].startswith('W/"')
    again = client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_etag_changes_when_the_data_changes(client, entries):
    url = "/embed/data.geojson?kommune=koeln"
    etag = client.get(url)["ETag"]
    InitiativeFactory(name="Foodsharing Köln", latitude=50.945, longitude=6.955)
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "Foodsharing Köln" in response.content.decode()


def test_loader_script_is_javascript_for_any_origin(client):
    response = client.get("/embed/embed.js")
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert b"mitmachkarte:height" in response.content
