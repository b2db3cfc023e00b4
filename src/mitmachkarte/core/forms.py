"""What every form of the site shares: the bot trap and showing a service's errors."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HONEYPOT = "homepage"


class HoneypotMixin(forms.Form):
    """A trap field people never see (class `hp` hides it, Tab skips it, no autofill).

    Form-filling bots fill it in. A filled trap makes the form invalid; a view that should
    look successful to the bot (so it does not learn to skip the field) asks `caught_bot`.
    """

    homepage = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_homepage(self):
        if self.cleaned_data.get(HONEYPOT):
            raise ValidationError(_("Leave this field empty"))
        return ""

    @property
    def caught_bot(self) -> bool:
        return self.is_bound and bool(str(self.data.get(self.add_prefix(HONEYPOT), "")).strip())


def add_service_errors(form: forms.Form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: under the field it names where the form
    has that field, above the form otherwise."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)
