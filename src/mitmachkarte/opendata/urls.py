from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("api/v1/export/initiatives.csv", views.initiatives_csv, name="initiatives_csv"),
    path(
        "api/v1/export/initiatives.geojson", views.initiatives_geojson, name="initiatives_geojson"
    ),
    path("api/v1/export/initiatives.jsonld", views.initiatives_jsonld, name="initiatives_jsonld"),
    path("api/v1/export/events.jsonld", views.events_jsonld, name="events_jsonld"),
    path("opendata/", views.index, name="index"),
    path("opendata/catalog.jsonld", views.catalog_jsonld, name="catalog"),
]
