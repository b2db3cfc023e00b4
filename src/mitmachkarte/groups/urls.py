from django.urls import path

from . import views, views_manage

app_name = "groups"

urlpatterns = [
    path("arbeitsgruppen/", views.group_list, name="list"),
    path("arbeitsgruppen/neu/", views_manage.create, name="create"),
    path("arbeitsgruppen/einladung/<str:token>/", views.invitation, name="invitation"),
    path("arbeitsgruppen/<slug:slug>.ics", views.group_ics, name="ics"),
    path("arbeitsgruppen/<slug:slug>/", views.group_detail, name="detail"),
    path("arbeitsgruppen/<slug:slug>/bearbeiten/", views_manage.edit, name="edit"),
    path("arbeitsgruppen/<slug:slug>/treffen/neu/", views_manage.series, name="series"),
    path("arbeitsgruppen/<slug:slug>/beitreten/", views.join, name="join"),
    path("arbeitsgruppen/<slug:slug>/einladen/", views.invite, name="invite"),
    path("arbeitsgruppen/<slug:slug>/anfragen/<int:pk>/", views.decide, name="decide"),
    path("arbeitsgruppen/<slug:slug>/termin/<int:occurrence_id>/", views.meeting_date, name="date"),
    path("arbeitsgruppen/<slug:slug>/treffen/<int:pk>/", views.meeting_detail, name="meeting"),
    path("arbeitsgruppen/<slug:slug>/treffen/<int:pk>/notizen/", views.save_notes, name="notes"),
    path(
        "arbeitsgruppen/<slug:slug>/treffen/<int:pk>/aufgaben/",
        views.add_action_item,
        name="add_item",
    ),
    path(
        "arbeitsgruppen/<slug:slug>/aufgaben/<int:pk>/",
        views.action_item_status,
        name="item_status",
    ),
    path("kooperationen/", views.cooperations, name="cooperations"),
    path("kooperationen/partner/", views_manage.partner_search, name="partners"),
    path("kooperationen/<int:pk>/bestaetigen/", views.confirm_cooperation, name="confirm"),
]
