from django.urls import path

from . import views, views_manage, views_private

app_name = "events"

# Fixed segments come before <slug>: core.slugs.RESERVED_SLUGS keeps events from taking them.
urlpatterns = [
    path("veranstaltungen/", views.event_list, name="list"),
    path("veranstaltungen/kalender/", views.event_calendar, name="calendar"),
    path("veranstaltungen/feed.ics", views.feed, name="feed"),
    path("veranstaltungen/aktionen/<slug:slug>/", views.campaign_page, name="campaign"),
    path(
        "veranstaltungen/anmeldung/bestaetigen/<str:token>/", views_private.confirm, name="confirm"
    ),
    path("veranstaltungen/anmeldung/abmelden/<str:token>/", views_private.cancel, name="cancel"),
    path("veranstaltungen/organisation/<str:token>/", views_private.organiser, name="organiser"),
    path(
        "veranstaltungen/organisation/<str:token>/teilnehmende.csv",
        views_private.organiser_csv,
        name="organiser_csv",
    ),
    path("veranstaltungen/neu/", views_manage.create, name="create"),
    path("veranstaltungen/<slug:slug>.ics", views.event_ics, name="ics"),
    path("veranstaltungen/<slug:slug>/", views.event_detail, name="detail"),
    path("veranstaltungen/<slug:slug>/anmelden/", views.register, name="register"),
    path("veranstaltungen/<slug:slug>/bearbeiten/", views_manage.edit, name="edit"),
    path("veranstaltungen/<slug:slug>/verwalten/", views_manage.manage, name="manage"),
    path(
        "veranstaltungen/<slug:slug>/teilnehmende.csv",
        views_manage.participants_csv,
        name="participants_csv",
    ),
    path("veranstaltungen/<slug:slug>/absagen/", views_manage.cancel_event, name="cancel_event"),
    path(
        "veranstaltungen/<slug:slug>/termine/<int:occurrence_id>/absagen/",
        views_manage.cancel_date,
        name="cancel_date",
    ),
    path("veranstaltungen/<slug:slug>/nachruecken/", views_manage.move_up, name="move_up"),
    path("veranstaltungen/<slug:slug>/loeschen/", views_manage.delete, name="delete"),
    path("veranstaltungen/<slug:slug>/freigeben/", views_manage.decide, name="decide"),
    path(
        "veranstaltungen/<slug:slug>/organisationslink/",
        views_private.organiser_link_request,
        name="organiser_link",
    ),
]
