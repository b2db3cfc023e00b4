import re

import pytest

from tests.factories import MunicipalityFactory

LINK = re.compile(r"https?://\S+/veranstaltungen/anmeldung/(bestaetigen|abmelden)/([^/\s]+)/")


@pytest.fixture
def towns(reference_data):
    """Münster, Greven and Telgte with small square boundaries."""
    return [
        MunicipalityFactory(
            name="Münster",
            slug="muenster",
            ags="05515000",
            latitude=51.96,
            longitude=7.63,
            with_boundary=True,
        ),
        MunicipalityFactory(
            name="Greven",
            slug="greven",
            ags="05566012",
            latitude=52.09,
            longitude=7.61,
            with_boundary=True,
        ),
        MunicipalityFactory(
            name="Telgte",
            slug="telgte",
            ags="05570048",
            latitude=51.98,
            longitude=7.79,
            with_boundary=True,
        ),
    ]


def token_from(message, kind: str) -> str:
    """The token of the confirm ("bestaetigen") or cancel ("abmelden") link in a mail."""
    for found_kind, token in LINK.findall(message.body):
        if found_kind == kind:
            return token
    raise AssertionError(f"no {kind} link in:\n{message.body}")
