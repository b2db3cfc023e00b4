import pytest
from django.conf import settings

from mitmachkarte.municipalities.locator import invalidate_locator
from mitmachkarte.municipalities.services import import_municipalities
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


NRW_FILE = settings.PACKAGE_DIR / "data" / "nrw-municipalities.geojson"


@pytest.fixture
def nrw_municipalities(db):
    """The 396 NRW municipalities with boundaries, from the shipped GeoJSON."""
    report = import_municipalities(path=NRW_FILE)
    assert report.created == 396
    return report
