import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """Import reports follow the active language; these tests read the English msgids."""
    with translation.override("en"):
        yield
