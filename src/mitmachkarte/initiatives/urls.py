from django.urls import path

from . import views

app_name = "initiatives"

urlpatterns = [
    path("", views.map_page, name="map"),
    path("initiativen/<slug:slug>/", views.detail, name="detail"),
    path("kommunen/<slug:slug>/", views.municipality_page, name="municipality"),
    path("mitmachen/oeffnungszeiten/", views.opening_hours_check, name="opening_hours_check"),
]
