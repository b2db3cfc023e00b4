from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    name = "mitmachkarte.initiatives"
    label = "initiatives"
    verbose_name = "Initiativen"

    def ready(self) -> None:
        from . import signals

        signals.connect()
