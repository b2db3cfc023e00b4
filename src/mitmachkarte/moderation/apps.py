from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "mitmachkarte.moderation"
    label = "moderation"
    verbose_name = "Moderation"

    def ready(self) -> None:
        from . import decisions

        decisions.connect()
