from django.apps import AppConfig


class EmbedConfig(AppConfig):
    name = "mitmachkarte.embed"
    label = "embed"
