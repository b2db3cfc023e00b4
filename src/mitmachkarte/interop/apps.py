from django.apps import AppConfig


class InteropConfig(AppConfig):
    name = "mitmachkarte.interop"
    label = "interop"
    verbose_name = "Import und Karte von morgen"
