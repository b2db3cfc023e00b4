from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    name = "mitmachkarte.initiatives"
    label = "initiatives"
    verbose_name = "Initiativen"
