from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    # The exports (/api/v1/export/…) are operations of the API: opendata/api.py.
    path("opendata/", views.index, name="index"),
    path("opendata/catalog.jsonld", views.catalog_jsonld, name="catalog"),
]
