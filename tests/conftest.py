import pytest
from django.conf import settings
from django.core.cache import caches

from mitmachkarte.core.rates import parse_rate
from mitmachkarte.initiatives.map_index import drop_index
from mitmachkarte.municipalities.locator import invalidate_locator
from mitmachkarte.municipalities.services import import_municipalities
from mitmachkarte.taxonomy.services import sync_reference_data
from tests import mail_guard

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _forget_process_state():
    invalidate_locator()
    drop_index()
    caches["responses"].clear()
    # The default cache is a database table unless REDIS_URL is set: each test's rollback
    # or flush empties it (and a test without database access must not touch it).
    if settings.REDIS_URL:
        caches["default"].clear()


@pytest.fixture(autouse=True)
def _fresh_process_state():
    # Per-process indexes and the cache are keyed by data versions, which a rolled-back
    # test transaction resets: every test starts without stale ones.
    _forget_process_state()
    yield
    _forget_process_state()


@pytest.fixture(autouse=True)
def _test_settings(settings, request):
    # PBKDF2's deliberate slowness (~1 s per user on a busy CI core) tests nothing of ours;
    # production keeps Django's default hashers.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The suite runs with DEBUG off, whose default is the database queue: tasks run at once
    # here, except in the tests of the queue itself (marked `task_queue`).
    if request.node.get_closest_marker("task_queue") is None:
        settings.TASKS = IMMEDIATE_TASKS
    # Uploaded pictures go to a folder of this test, never into var/media.
    settings.MEDIA_ROOT = str(request.getfixturevalue("tmp_path") / "media")


@pytest.fixture(autouse=True)
def _no_mail_inside_a_transaction(settings, monkeypatch):
    """Every test fails when its code sends a mail inside a transaction (tests/mail_guard.py);
    on_commit callbacks run where production's commit would run them."""
    settings.EMAIL_BACKEND = "tests.mail_guard.GuardedOutboxBackend"
    mail_guard.run_commit_callbacks_as_in_production(monkeypatch)
    mail_guard.violations.clear()
    yield
    found, mail_guard.violations[:] = list(mail_guard.violations), []
    assert not found, "\n".join(found)


@pytest.fixture
def set_rate(settings):
    """set_rate("propose.ip", "2/h"): one rate of settings.RATE_LIMITS for this test."""

    def set_(name: str, text: str) -> None:
        action, per = name.split(".")
        table = {a: dict(pers) for a, pers in settings.RATE_LIMITS.items()}
        table[action][per] = parse_rate(text)
        settings.RATE_LIMITS = table

    return set_


@pytest.fixture
def reference_data(db):
    """Categories, SDGs and targets (transactional tests flush what the data migration loaded)."""
    from mitmachkarte.taxonomy import reference
    from mitmachkarte.taxonomy.models import SDG, Category, SDGTarget

    complete = (
        Category.objects.count() == len(reference.CATEGORIES)
        and SDG.objects.count() == len(reference.SDGS)
        and SDGTarget.objects.count() == 169
    )
    if not complete:  # three counts instead of ~200 upserts per test
        sync_reference_data()


NRW_FILE = settings.PACKAGE_DIR / "data" / "nrw-municipalities.geojson"


@pytest.fixture
def nrw_municipalities(db):
    """The 396 NRW municipalities with boundaries, from the shipped GeoJSON."""
    report = import_municipalities(path=NRW_FILE)
    assert report.created == 396
    return report
