from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "mitmachkarte.opendata"
    label = "opendata"
    verbose_name = "Offene Daten"
