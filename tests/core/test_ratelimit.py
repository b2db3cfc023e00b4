from django.test import RequestFactory

from mitmachkarte.core import ratelimit


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
