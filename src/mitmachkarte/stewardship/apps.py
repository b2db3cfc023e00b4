from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StewardshipConfig(AppConfig):
    name = "mitmachkarte.stewardship"
    label = "stewardship"
    verbose_name = _("Entry care")

    def ready(self) -> None:
        from . import history

        history.connect()
