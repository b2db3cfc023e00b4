import pytest

from mitmachkarte.municipalities.locator import invalidate_locator
from mitmachkarte.taxonomy.services import sync_reference_data


@pytest.fixture(autouse=True)
def _fresh_locator():
    # The municipality index is per process; every test starts without a stale one.
    invalidate_locator()
    yield
    invalidate_locator()


@pytest.fixture
def reference_data(db):
    """Categories and SDGs (transactional tests flush what the data migration loaded)."""
    sync_reference_data()
