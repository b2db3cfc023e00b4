from django.urls import path

from . import views, views_manage, workspace

app_name = "support"

urlpatterns = [
    path("unterstuetzung/", views.overview, name="overview"),
    path("unterstuetzung/bedarfe/", views.need_list, name="needs"),
    path("unterstuetzung/bedarfe/neu/", views_manage.need_create, name="need_create"),
    path("unterstuetzung/bedarfe/<int:pk>/", views.need_detail, name="need"),
    path("unterstuetzung/bedarfe/<int:pk>/bearbeiten/", views_manage.need_edit, name="need_edit"),
    path("unterstuetzung/bedarfe/<int:pk>/status/", views_manage.need_status, name="need_status"),
    path(
        "unterstuetzung/bedarfe/<int:pk>/verlaengern/", views_manage.need_renew, name="need_renew"
    ),
    path("unterstuetzung/angebote/", views.offer_list, name="offers"),
    path("unterstuetzung/angebote/neu/", views_manage.offer_create, name="offer_create"),
    path("unterstuetzung/angebote/<int:pk>/", views.offer_detail, name="offer"),
    path(
        "unterstuetzung/angebote/<int:pk>/bearbeiten/", views_manage.offer_edit, name="offer_edit"
    ),
    path(
        "unterstuetzung/angebote/benachrichtigungen-aus/<str:token>/",
        views_manage.opt_out,
        name="opt_out",
    ),
    path("unterstuetzung/kontakt/", views_manage.contact, name="contact"),
    path("unterstuetzung/nachrichten/<int:pk>/", views_manage.thread_page, name="thread"),
    path("raeume/", views.room_finder, name="rooms"),
    path("foerderung/", views.funding_finder, name="funding"),
    path("kommunen/<slug:slug>/genehmigungen/", views.permit_guides, name="permits"),
    path("konto/arbeitsbereich/<slug:slug>/", workspace.workspace, name="workspace"),
    path(
        "konto/arbeitsbereich/<slug:slug>/export.csv", workspace.workspace_csv, name="workspace_csv"
    ),
]
