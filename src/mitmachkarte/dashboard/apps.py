from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "mitmachkarte.dashboard"
    label = "dashboard"
