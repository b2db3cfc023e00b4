from django.apps import AppConfig


class MunicipalitiesConfig(AppConfig):
    name = "mitmachkarte.municipalities"
    label = "municipalities"
    verbose_name = "Kommunen"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from mitmachkarte.core import geocoding, readiness

        from .locator import invalidate_locator
        from .models import Municipality

        for signal in (post_save, post_delete):
            signal.connect(invalidate_locator, sender=Municipality, dispatch_uid=f"loc-{signal}")
        # The places of the search box (municipalities.places): read once before a worker
        # takes traffic, not by its first search (74 ms, a request's budget).
        readiness.register("places", geocoding.load_places)
