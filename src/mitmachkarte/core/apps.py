from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "mitmachkarte.core"
    label = "core"
