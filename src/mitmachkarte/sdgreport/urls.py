from django.urls import path

from . import views

app_name = "sdgreport"

urlpatterns = [
    path("kommunen/<slug:slug>/sdg-bericht/", views.sdg_report, name="report"),
    path("kommunen/<slug:slug>/netzwerk/", views.network_view, name="network"),
    path("kommunen/<slug:slug>/strategie/prioritaeten/", views.strategy, name="strategy"),
]
