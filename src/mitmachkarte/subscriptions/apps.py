from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "mitmachkarte.subscriptions"
    label = "subscriptions"
    verbose_name = _("Subscriptions")

    def ready(self) -> None:
        from . import collectors  # noqa: F401  (registers the collectors of each kind)
