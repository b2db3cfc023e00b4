import pytest
from django.test import Client

@pytest.mark.django_db
def test_probe(capsys):
    c = Client(raise_request_exception=False)
    with capsys.disabled():
        for url in ["/api/v1/initiatives?q=%00", "/api/v1/initiatives?municipality=%00", "/api/v1/initiatives?category=%00",
                    "/api/v1/initiatives?tag=a%00", "/api/v1/initiatives/a%00b", "/api/v1/municipalities?q=%00",
                    "/api/v1/initiatives.geojson?q=%00", "/api/v1/initiatives?municipality=12345678901234567890"]:
            r = c.get(url)
            print(url[:80], r.status_code, r.content[:300])
