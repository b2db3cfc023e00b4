from django.urls import path

from . import views

app_name = "kvm"

urlpatterns = [
    path("search", views.search, name="search"),
    path("entries/<str:ids>", views.entries, name="entries"),
]
