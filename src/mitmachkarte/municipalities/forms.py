"""The municipality picker, used wherever a form or a filter asks for a municipality.

A text field that accepts a name, slug or AGS, resolved on the server (so it works without
JavaScript) with a clear error when the name is unknown or names several municipalities.
Suggestions: a few allowed municipalities are listed in the page (a <datalist>); any more,
up to all 11,000 of Germany, are asked for while typing (suggest.js and the `suggest` view),
so no page grows with the number of municipalities.
"""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Municipality
from .selectors import namesakes, namesakes_text, resolve_municipality

INLINE_AT_MOST = 50  # more allowed municipalities are suggested from the server


class MunicipalityInput(forms.TextInput):
    template_name = "municipalities/municipality_input.html"

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", **(attrs or {})})
        self.choices: list[tuple[str, str]] | None = None  # None: ask the server

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["list_id"] = f"{widget['attrs'].get('id', name)}-options"
        widget["options"] = self.choices or []
        asks_server = self.choices is None
        widget["suggest_url"] = reverse("municipalities:suggest") if asks_server else ""
        return context

    def format_value(self, value):
        if isinstance(value, Municipality):
            return value.name
        if isinstance(value, int):  # an initial value given as primary key
            found = Municipality.objects.filter(pk=value).first()
            return found.name if found else ""
        return super().format_value(value)


class MunicipalityField(forms.Field):
    """A municipality of `queryset` (default: any)."""

    widget = MunicipalityInput
    default_error_messages = {
        "unknown": _("Unknown municipality “%(name)s”: pick one of the suggestions."),
        "ambiguous": _("“%(name)s” names several municipalities: %(options)s. Pick one of them."),
    }

    def __init__(self, *, queryset=None, **kwargs):
        kwargs.setdefault("max_length", 120)
        self.max_length = kwargs.pop("max_length")
        super().__init__(**kwargs)
        self.queryset = queryset

    @property
    def queryset(self):
        return self._queryset

    @queryset.setter
    def queryset(self, queryset):
        self._queryset = queryset
        choices = None
        if queryset is not None:
            rows = list(queryset.order_by("name").values_list("name", "ags")[: INLINE_AT_MOST + 1])
            choices = rows if len(rows) <= INLINE_AT_MOST else None
        self.widget.choices = choices

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "maxlength": str(self.max_length)}

    def prepare_value(self, value):
        if isinstance(value, int):  # a key, as in a version token (core.concurrency)
            value = Municipality.objects.filter(pk=value).first() or value
        return value

    def to_python(self, value):
        text = (value or "").strip() if isinstance(value, str) else value
        if not text:
            return None
        if isinstance(text, Municipality):
            return text
        text = str(text)[: self.max_length]
        several = namesakes(text)
        if several:
            raise forms.ValidationError(
                self.error_messages["ambiguous"],
                code="ambiguous",
                params={"name": text, "options": namesakes_text(several)},
            )
        found = resolve_municipality(text)
        allowed = self.queryset is None or (
            found is not None and self.queryset.filter(pk=found.pk).exists()
        )
        if found is None or not allowed:
            raise forms.ValidationError(
                self.error_messages["unknown"], code="unknown", params={"name": text}
            )
        return found


def municipality_input(name: str, value, **attrs) -> str:
    """The picker for a filter form outside a Django form (the map, the embed's
    configurator): any municipality, suggested while typing."""
    attrs = {"id": name, "placeholder": _("e.g. Bochum or 05911000"), "maxlength": "120", **attrs}
    return MunicipalityInput(attrs).render(name, value)
