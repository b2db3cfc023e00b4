import json
import re

import pytest

from tests.factories import MunicipalityFactory


@pytest.fixture
def koeln(reference_data):
    """A municipality with a square boundary around Köln (0.02° each side of the centre)."""
    return MunicipalityFactory(
        name="Köln",
        slug="koeln",
        ags="05315000",
        with_boundary=True,
        latitude=50.94,
        longitude=6.96,
    )


def embed_config(response) -> dict:
    """The widget's settings, as the page hands them to embed-widget.js."""
    html = response.content.decode()
    match = re.search(r'<script id="mmk-config" type="application/json">(.*?)</script>', html, re.S)
    assert match, "no widget config in the page"
    return json.loads(match.group(1))


def notices(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'<p class="mmk-notice" role="status">(.*?)</p>', html, re.S)
