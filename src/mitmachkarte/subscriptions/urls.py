from django.urls import path

from . import feeds, views

app_name = "subscriptions"

urlpatterns = [
    path("abonnieren/", views.subscribe, name="subscribe"),
    path("abonnieren/gesendet/", views.sent, name="sent"),
    path("abonnieren/bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("abonnieren/abmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("abonnieren/verwalten/<str:token>/", views.manage, name="manage"),
    path("abonnieren/verwalten/<str:token>/<int:pk>/", views.edit, name="edit"),
    path("feeds/initiativen.atom", feeds.initiatives_feed, name="initiatives_feed"),
    path("feeds/veranstaltungen.atom", feeds.events_feed, name="events_feed"),
]
