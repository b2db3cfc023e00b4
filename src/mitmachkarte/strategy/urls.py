from django.urls import path

from . import views, views_edit, views_indicators, views_io, views_report

app_name = "strategy"

BASE = "kommunen/<slug:slug>/strategie/"
EDIT = BASE + "bearbeiten/"

urlpatterns = [
    path(BASE, views.public, name="public"),
    path(BASE + "bericht/", views_report.progress_report, name="report"),
    path(BASE + "export.csv", views_io.export_structure, name="export_structure"),
    path(BASE + "indikatoren.csv", views_io.export_indicators, name="export_indicators"),
    path(BASE + "export.json", views_io.export_json, name="export_json"),
    path(BASE + "import/", views_io.import_view, name="import"),
    path(EDIT, views_edit.overview, name="edit"),
    # Before the node patterns: "indikatoren" would match <slug:level> there.
    path(EDIT + "indikatoren/<int:pk>/", views_indicators.edit_indicator, name="indicator_edit"),
    path(
        EDIT + "indikatoren/<int:pk>/loeschen/",
        views_indicators.delete_indicator,
        name="indicator_delete",
    ),
    path(EDIT + "indikatoren/<int:pk>/werte/", views_indicators.add_value, name="value_add"),
    path(
        EDIT + "indikatoren/<int:pk>/werte/import/",
        views_indicators.import_values,
        name="values_import",
    ),
    path(
        EDIT + "indikatoren/<int:pk>/werte/<int:value_pk>/loeschen/",
        views_indicators.delete_value,
        name="value_delete",
    ),
    path(EDIT + "<slug:level>/neu/", views_edit.create_node, name="node_create"),
    path(EDIT + "<slug:level>/<int:pk>/", views_edit.edit_node, name="node_edit"),
    path(EDIT + "<slug:level>/<int:pk>/verschieben/", views_edit.move_node, name="node_move"),
    path(EDIT + "<slug:level>/<int:pk>/loeschen/", views_edit.delete_node, name="node_delete"),
    path(
        EDIT + "<slug:level>/<int:pk>/veroeffentlichen/",
        views_edit.publish_node,
        name="node_publish",
    ),
    path(
        EDIT + "<slug:level>/<int:pk>/indikator/neu/",
        views_indicators.create_indicator,
        name="indicator_create",
    ),
    path(EDIT + "massnahme/<int:pk>/notizen/", views_edit.add_note, name="note_add"),
    path(
        EDIT + "massnahme/<int:pk>/notizen/<int:note_pk>/loeschen/",
        views_edit.delete_note,
        name="note_delete",
    ),
]
