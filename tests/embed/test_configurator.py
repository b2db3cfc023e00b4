"""/einbinden/: the form, the live preview and both snippets."""

import re

import pytest

from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def test_configurator_offers_form_preview_and_both_snippets(client, koeln):
    InitiativeFactory(name="Repair Café Köln", latitude=50.94, longitude=6.96)
    response = client.get("/einbinden/?kommune=K%C3%B6ln&category=repair&category=food")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="embed-form"' in html
    # The municipality picker: the chosen name, suggestions asked for while typing.
    assert re.search(r'<input type="text" name="kommune" list="kommune-options" value="Köln"', html)
    assert 'data-suggest-url="/kommunen/vorschlaege/"' in html
    assert 'value="repair" checked' in html and 'value="food" checked' in html
    assert (
        '<iframe id="embed-preview" class="preview" '
        'src="/embed/?kommune=05315000&amp;category=repair&amp;category=food"'
    ) in html
    assert (
        "&lt;script src=&quot;http://testserver/embed/embed.js&quot; "
        "data-kommune=&quot;05315000&quot; data-category=&quot;repair,food&quot; "
        "async&gt;&lt;/script&gt;"
    ) in html
    assert "&lt;iframe src=&quot;http://testserver/embed/?kommune=05315000" in html
    assert html.count('data-copy="snippet-') == 2


def test_unchecked_options_are_off_after_submitting(client, koeln):
    html = client.get("/einbinden/?kommune=koeln&list=0&search=0&search=1").content.decode()
    assert "data-list=&quot;0&quot;" in html
    assert "data-search" not in html


def test_htmx_gets_only_the_result(client, koeln):
    response = client.get("/einbinden/?kommune=koeln", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html and 'id="snippet-script"' in html
    assert "HX-Request" in response["Vary"]


def test_unknown_municipality_is_reported(client, koeln):
    html = client.get("/einbinden/?kommune=Atlantis").content.decode()
    assert re.search(r"[“„]kommune[”“]", html)
    assert 'value="Atlantis"' in html
