from django.urls import path

from . import views

app_name = "embed"

urlpatterns = [
    path("embed/", views.embed_page, name="page"),
    path("embed/data.geojson", views.embed_data, name="data"),
    path("embed/embed.js", views.embed_script, name="script"),
    path("einbinden/", views.configurator, name="configurator"),
]
