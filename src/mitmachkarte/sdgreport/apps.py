from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SdgReportConfig(AppConfig):
    name = "mitmachkarte.sdgreport"
    label = "sdgreport"
    verbose_name = _("SDG report")
