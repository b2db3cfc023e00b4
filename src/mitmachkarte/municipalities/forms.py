"""The municipality picker: a text field with the allowed municipalities as suggestions
(a <datalist>: type "Boch" and pick Bochum), accepting a name, slug or AGS. Used wherever a
form asks for a municipality, instead of a drop-down of hundreds of names."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Municipality
from .selectors import resolve_municipality


class MunicipalityInput(forms.TextInput):
    template_name = "municipalities/municipality_input.html"

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", **(attrs or {})})
        self.choices = []

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["list_id"] = f"{context['widget']['attrs'].get('id', name)}-options"
        context["widget"]["options"] = self.choices
        return context

    def format_value(self, value):
        if isinstance(value, Municipality):
            return value.name
        if isinstance(value, int):  # an initial value given as primary key
            found = Municipality.objects.filter(pk=value).first()
            return found.name if found else ""
        return super().format_value(value)


class MunicipalityField(forms.Field):
    widget = MunicipalityInput
    default_error_messages = {
        "unknown": _("Unknown municipality: pick one of the suggestions."),
    }

    def __init__(self, *, queryset=None, **kwargs):
        super().__init__(**kwargs)
        self.queryset = queryset if queryset is not None else Municipality.objects.none()

    @property
    def queryset(self):
        return self._queryset

    @queryset.setter
    def queryset(self, queryset):
        self._queryset = queryset
        self.widget.choices = list(queryset.order_by("name").values_list("name", "ags"))

    def to_python(self, value):
        text = (value or "").strip() if isinstance(value, str) else value
        if not text:
            return None
        if isinstance(text, Municipality):
            return text
        found = resolve_municipality(str(text))
        if found is None or not self.queryset.filter(pk=found.pk).exists():
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        return found
