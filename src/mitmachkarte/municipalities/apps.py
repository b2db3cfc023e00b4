from django.apps import AppConfig


class MunicipalitiesConfig(AppConfig):
    name = "mitmachkarte.municipalities"
    label = "municipalities"
    verbose_name = "Kommunen"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from .locator import invalidate_locator
        from .models import Municipality

        for signal in (post_save, post_delete):
            signal.connect(invalidate_locator, sender=Municipality, dispatch_uid=f"loc-{signal}")
