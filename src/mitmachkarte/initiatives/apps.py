from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    name = "mitmachkarte.initiatives"
    label = "initiatives"
    verbose_name = "Initiativen"

    def ready(self) -> None:
        from mitmachkarte.core import readiness

        from . import map_index, signals

        signals.connect()
        # A web process takes traffic only with its map index built (gunicorn_conf).
        readiness.register("map index", map_index.warm_index)
