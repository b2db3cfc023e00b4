from django.urls import path

from . import views

app_name = "municipalities"

# The page of one municipality lists its initiatives, so the initiatives app serves it
# (domain apps never import initiatives back): see initiatives/urls.py.
urlpatterns = [
    path("kommunen/", views.municipality_list, name="list"),
    path("kommunen/vorschlaege/", views.suggest, name="suggest"),
]
