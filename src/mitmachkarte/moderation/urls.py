from django.urls import path

from . import views

app_name = "moderation"

urlpatterns = [
    path("mitmachen/eintragen/", views.propose, name="propose"),
    path("mitmachen/eintragen/danke/", views.proposed, name="proposed"),
    path("mitmachen/dubletten/", views.duplicates, name="duplicates"),
    path("mitmachen/adresse/", views.geocode_address, name="geocode"),
    path("mitmachen/ueberarbeiten/<str:token>/", views.revise, name="revise"),
    path("initiativen/<slug:slug>/problem-melden/", views.report, name="report"),
    path("moderation/", views.queue, name="queue"),
    path("moderation/eintraege/<int:pk>/", views.decide, name="decide"),
    path("moderation/meldungen/<int:pk>/", views.decide_report, name="decide_report"),
    path("moderation/schlagwoerter/", views.tags, name="tags"),
]
