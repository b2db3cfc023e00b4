"""The measure page and the contribution actions (issue 17, items 3, 4 and 6)."""

from django.urls import path

from . import measure_views

app_name = "strategy_measure"

MEASURE = "kommunen/<slug:slug>/strategie/massnahmen/<int:pk>/"

urlpatterns = [
    path(MEASURE, measure_views.detail, name="detail"),
    path(f"{MEASURE}verknuepfen/", measure_views.link, name="link"),
    path(
        f"{MEASURE}beitraege/<int:contribution>/entscheiden/", measure_views.decide, name="decide"
    ),
    path(f"{MEASURE}beitraege/<int:contribution>/entfernen/", measure_views.remove, name="remove"),
    path("initiativen/<slug:slug>/beitrag-vorschlagen/", measure_views.propose, name="propose"),
]
