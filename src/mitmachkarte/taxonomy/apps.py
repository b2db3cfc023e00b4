from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "mitmachkarte.taxonomy"
    label = "taxonomy"
    verbose_name = "Taxonomie"

    def ready(self) -> None:
        from . import signals

        signals.connect()
