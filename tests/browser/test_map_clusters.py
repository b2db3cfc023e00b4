"""Large results: the server clusters (GET /api/v1/map) and the map shows exact counts."""

import pytest

from mitmachkarte.initiatives.demo import generator
from mitmachkarte.initiatives.map_index import POINTS_UP_TO
from mitmachkarte.municipalities.models import Municipality
from tests.browser.maps import wait_for_map_idle


@pytest.fixture
def many(live_server, reference_data, nrw_municipalities):
    towns = list(Municipality.objects.order_by("ags"))
    return generator.save(generator.plan(municipalities=towns, count=1500, seed=3))


def cluster_numbers(page) -> list[int]:
    return [int(t) for t in page.locator(".marker-cluster span").all_inner_texts()]


def test_server_clusters_add_up_and_zoom_in_on_click(page, live_server, many):
    assert many > POINTS_UP_TO
    page.goto(f"{live_server.url}/?map=7/51.45/7.55")
    wait_for_map_idle(page)
    assert page.locator(".marker-cluster").count() > 0
    total = int(page.get_attribute("#map", "data-total"))
    singles = page.locator(".mmk-marker").count()
    assert sum(cluster_numbers(page)) + singles == total
    assert page.get_attribute("#map", "data-loaded") == str(total)
    assert page.locator(".leaflet-marker-icon").count() < total  # clustered on the server

    zoom = page.evaluate("window.mitmachkarteMap.getZoom()")
    biggest = max(range(len(cluster_numbers(page))), key=lambda i: cluster_numbers(page)[i])
    page.locator(".marker-cluster").nth(biggest).click()
    page.wait_for_function(f"window.mitmachkarteMap.getZoom() > {zoom}")
    wait_for_map_idle(page)
    # The view now shows only that cluster's area: a new, smaller exact count.
    new_total = int(page.get_attribute("#map", "data-total"))
    shown = sum(cluster_numbers(page)) + page.locator(".mmk-marker").count()
    assert shown == new_total
    assert 0 < new_total < total
