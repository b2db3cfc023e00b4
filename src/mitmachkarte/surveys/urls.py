from django.urls import path

from . import views, views_builder, views_results

app_name = "surveys"

urlpatterns = [
    path("befragungen/verwalten/", views_builder.manage, name="manage"),
    path("befragungen/verwalten/neu/", views_builder.create, name="create"),
    path("befragungen/verwalten/<slug:slug>/", views_builder.edit, name="edit"),
    path("befragungen/verwalten/<slug:slug>/kopieren/", views_builder.copy, name="copy"),
    path("befragungen/verwalten/<slug:slug>/vorschau/", views_builder.preview, name="preview"),
    path(
        "befragungen/verwalten/<slug:slug>/abschnitte/",
        views_builder.section_add,
        name="section_add",
    ),
    path(
        "befragungen/verwalten/<slug:slug>/abschnitte/<int:pk>/",
        views_builder.section_action,
        name="section_action",
    ),
    path(
        "befragungen/verwalten/<slug:slug>/abschnitte/<int:section_pk>/fragen/neu/",
        views_builder.question_edit,
        name="question_add",
    ),
    path(
        "befragungen/verwalten/<slug:slug>/abschnitte/<int:section_pk>/fragen/<int:pk>/",
        views_builder.question_edit,
        name="question_edit",
    ),
    path(
        "befragungen/verwalten/<slug:slug>/fragen/<int:pk>/",
        views_builder.question_action,
        name="question_action",
    ),
    path("befragungen/verwalten/<slug:slug>/einladen/", views_builder.invite, name="invite"),
    path("befragungen/verwalten/<slug:slug>/senden/", views_builder.send, name="send"),
    path("befragungen/<slug:slug>/", views.answer, name="answer"),
    path("befragungen/<slug:slug>/pruefen/", views.review, name="review"),
    path("befragungen/<slug:slug>/danke/", views.thanks, name="thanks"),
    path(
        "befragungen/<slug:slug>/antworten/<int:pk>/bedarf/",
        views.need_from_wish,
        name="need_from_wish",
    ),
    path("befragungen/<slug:slug>/ergebnisse/", views_results.survey_results, name="results"),
    path(
        "kommunen/<slug:slug>/befragungen/", views_results.municipality_results, name="municipality"
    ),
]
