"""The API response cache in Redis (as in production), shared by all workers."""

import pytest
from django.core.cache import caches
from django.test import override_settings

from mitmachkarte.initiatives.services import refresh_derived_fields
from tests.factories import InitiativeFactory
from tests.services import redis_service  # noqa: F401 (fixture)

REDIS_URL = "redis://127.0.0.1:6379/15"


# A missing Redis skips these tests, and fails them under CI=true.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("redis_service")]

REDIS_CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "mmk-test",
    },
    "responses": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "mmk-test-responses",
    },
}


@override_settings(CACHES=REDIS_CACHES)
def test_responses_are_cached_in_redis_and_invalidated_by_an_edit(client, reference_data):
    cache = caches["responses"]
    cache.clear()
    entry = InitiativeFactory(name="Repair Café Redis")
    first = client.get("/api/v1/initiatives", {"q": "redis"})
    assert first.json()["count"] == 1
    keys = cache._cache.get_client().keys("mmk-test-responses:*api:initiatives:*")
    assert keys, "the response was not stored in Redis"

    entry.name = "Repair Café"
    entry.save()
    refresh_derived_fields(initiative=entry, relocate=False)
    second = client.get("/api/v1/initiatives", {"q": "redis"})
    assert second.json()["count"] == 0
    assert second.headers["ETag"] != first.headers["ETag"]
    cache.clear()
