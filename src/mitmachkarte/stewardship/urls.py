from django.urls import path

from . import views, views_links

app_name = "stewardship"

urlpatterns = [
    path("initiativen/<slug:slug>/bearbeiten/", views.edit, name="edit"),
    path("initiativen/<slug:slug>/verlauf/", views.history, name="history"),
    path(
        "initiativen/<slug:slug>/verlauf/<int:history_id>/wiederherstellen/",
        views.revert,
        name="revert",
    ),
    path("initiativen/<slug:slug>/bestaetigen/", views.confirm, name="confirm"),
    path("initiativen/<slug:slug>/archivieren/", views.archive, name="archive"),
    path("initiativen/<slug:slug>/uebernehmen/", views.claim_start, name="claim"),
    path("initiativen/<slug:slug>/kontakt/", views.contact, name="contact"),
    path("konto/uebernehmen/<str:token>/", views.claim_confirm, name="claim_confirm"),
    path("konto/vorschlaege/", views.suggestions, name="suggestions"),
    path(
        "konto/vorschlaege/<int:pk>/annehmen/",
        views.decide_suggestion,
        {"decision": "accept"},
        name="accept_suggestion",
    ),
    path(
        "konto/vorschlaege/<int:pk>/ablehnen/",
        views.decide_suggestion,
        {"decision": "reject"},
        name="reject_suggestion",
    ),
    path("konto/daten/", views_links.account_data, name="account_data"),
    path("konto/daten/export.json", views_links.account_export, name="account_export"),
    path("konto/daten/loeschen/", views_links.account_delete, name="account_delete"),
    path(
        "pflege/<str:token>/bestaetigen/",
        views_links.freshness_action,
        {"action": "confirm"},
        name="freshness_confirm",
    ),
    path(
        "pflege/<str:token>/archivieren/",
        views_links.freshness_action,
        {"action": "archive"},
        name="freshness_archive",
    ),
    path("pflege/<str:token>/bearbeiten/", views_links.freshness_edit, name="freshness_edit"),
    path("moderation/veraltet/", views_links.stale, name="stale"),
    path("datenschutz/", views_links.privacy, name="privacy"),
]
