from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "mitmachkarte.strategy"
    label = "strategy"
    verbose_name = _("Sustainability strategy")

    def ready(self) -> None:
        # django-rules' autodiscovery imports `strategy.rules` only; the contribution
        # permissions live in their own module.
        from . import rules_contributions  # noqa: F401
