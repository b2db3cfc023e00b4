import json

import pytest
from django.test import RequestFactory
from django.utils import translation

from mitmachkarte.core import ratelimit, rates


def test_allows_up_to_the_limit_then_refuses(db):
    results = [ratelimit.allow("t", "1.2.3.4", limit=3, window_seconds=60) for _ in range(5)]
    assert results == [True, True, True, False, False]
    assert ratelimit.allow("t", "5.6.7.8", limit=3, window_seconds=60)  # others unaffected
    assert ratelimit.allow("other", "1.2.3.4", limit=3, window_seconds=60)


def test_client_ip_ignores_forwarded_for_unless_proxies_are_trusted(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 9.9.9.9"
    )
    settings.TRUSTED_PROXY_COUNT = 0
    assert ratelimit.client_ip(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert ratelimit.client_ip(request) == "9.9.9.9"


def test_hit_tells_the_seconds_until_the_window_ends(db):
    assert ratelimit.hit("t", "a", limit=1, window_seconds=3600) == 0
    retry = ratelimit.hit("t", "a", limit=1, window_seconds=3600)
    assert 0 < retry <= 3600


def test_database_cache_incr_keeps_the_window_expiry(db):
    """Django's DatabaseCache.incr re-sets the value with the default timeout (300 s)."""
    from django.core.cache import cache

    from mitmachkarte.core.models import CacheEntry

    cache.add("counter", 1, timeout=7200)
    before = CacheEntry.objects.get().expires
    assert cache.incr("counter") == 2 and cache.incr("counter", 3) == 5
    assert CacheEntry.objects.get().expires == before
    assert cache.get("counter") == 5
    with pytest.raises(ValueError):
        cache.incr("missing")


def test_ipv6_clients_count_per_64_network():
    factory = RequestFactory()
    one = factory.get("/", REMOTE_ADDR="2001:db8:1:2:aaaa::1")
    other = factory.get("/", REMOTE_ADDR="2001:db8:1:2:bbbb::2")
    assert ratelimit.client_identity(one) == ratelimit.client_identity(other) == "2001:db8:1:2::/64"
    assert ratelimit.client_identity(factory.get("/", REMOTE_ADDR="::ffff:192.0.2.7")) == (
        "192.0.2.7"
    )
    assert ratelimit.client_identity(factory.get("/", REMOTE_ADDR="192.0.2.7")) == "192.0.2.7"


@pytest.mark.parametrize(
    "typed",
    ["Opfer@Example.org", " opfer@example.org ", "opfer+1@example.org", "OPFER+x@EXAMPLE.ORG"],
)
def test_one_mailbox_is_one_target(typed):
    assert ratelimit.normalise_email(typed) == "opfer@example.org"


def test_check_counts_the_client_and_each_target(db, settings):
    settings.RATE_LIMITS = rates.build(
        {"form": {"ip": "2/h", "email": "1/h", "entry": "off"}}, "form.entry=3/h"
    )
    alice = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1")
    bob = RequestFactory().post("/", REMOTE_ADDR="192.0.2.2")
    ratelimit.check("form", alice, email="victim@example.org", entry=7)
    with pytest.raises(ratelimit.RateLimited) as limited:  # the address, from another client
        ratelimit.check("form", bob, email="Victim+2@example.org", entry=7)
    assert limited.value.retry_after > 0
    ratelimit.check("form", bob, email="", entry=7)  # an empty target is not limited
    with pytest.raises(ratelimit.RateLimited):  # bob's two attempts used up his client limit
        ratelimit.check("form", bob, entry=8)
    ratelimit.check("form", alice, entry=7)  # entry 7: third attempt within 3/h
    with pytest.raises(KeyError):
        ratelimit.check("form", alice, date=1)  # a target without a configured rate


def test_message_is_german_and_names_the_wait():
    with translation.override("de"):
        assert ratelimit.RateLimited(30).message == (
            "Zu viele Versuche. Bitte versuche es in 1 Minute noch einmal."
        )
        assert "in 2 Stunden" in ratelimit.RateLimited(5400 + 1).message


def test_rates_parse_and_refuse_typos():
    assert rates.parse_rate("60/10m") == rates.Rate(60, 600)
    assert rates.parse_rate(" 5 / d ") == rates.Rate(5, 86400)
    assert rates.parse_rate("off") is None
    for bad in ["5", "5/x", "-1/h", "five/h", "5/0s"]:
        with pytest.raises(ValueError):
            rates.parse_rate(bad)
    with pytest.raises(ValueError, match="unknown rate limit 'register.mail'"):
        rates.build({"register": {"email": "5/h"}}, "register.mail=1/h")


def test_allauth_gets_the_same_table(settings):
    table = rates.build({"reset_password": {"ip": "10/h", "email": "3/h"}, "signup": {"ip": "off"}})
    assert rates.allauth_rates(table)["reset_password"] == "10/3600s/ip,3/3600s/key"
    assert rates.allauth_rates(table)["signup"] is None
    assert settings.ACCOUNT_RATE_LIMITS["confirm_email"] == "3/3600s/key"


def test_other_views_raising_it_get_the_429_page():
    request = RequestFactory().get("/")
    response = ratelimit.RateLimitMiddleware(lambda r: None).process_exception(
        request, ratelimit.RateLimited(90)
    )
    assert response.status_code == 429 and response["Retry-After"] == "90"
    assert "2 minutes" in response.content.decode() or "2 Minuten" in response.content.decode()


def test_api_answers_429_json_with_retry_after():
    from mitmachkarte.api import api

    response = api.on_exception(RequestFactory().get("/api/v1/x"), ratelimit.RateLimited(42))
    assert response.status_code == 429 and response["Retry-After"] == "42"
    assert "detail" in json.loads(response.content)
