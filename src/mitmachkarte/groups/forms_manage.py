"""Forms of the group pages for municipalities, the network team and chairs."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mitmachkarte.events.forms import _datetime_field
from mitmachkarte.events.models import EventFormat
from mitmachkarte.events.recurrence_builder import CHOICES as REPEAT_CHOICES
from mitmachkarte.events.recurrence_builder import build
from mitmachkarte.municipalities.forms import MunicipalityField
from mitmachkarte.taxonomy.models import SDG

from .models import Visibility


class GroupForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=160)
    purpose = forms.CharField(
        label=_("Purpose"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
        help_text=_("Markdown is possible."),
    )
    municipality = MunicipalityField(
        label=_("Municipality"),
        required=False,
        help_text=_("Type a few letters and pick one of the suggestions."),
    )
    region = forms.CharField(
        label=_("or region"),
        max_length=120,
        required=False,
        help_text=_("For groups of several municipalities."),
    )
    visibility = forms.ChoiceField(label=_("Visibility"), choices=Visibility.choices)
    sdgs = forms.ModelMultipleChoiceField(
        label=_("SDG focus"),
        queryset=SDG.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "purpose": data.get("purpose") or "",
            "municipality": data.get("municipality"),
            "region": data.get("region") or "",
            "visibility": data["visibility"],
            "sdgs": [sdg.number for sdg in data.get("sdgs") or []],
        }


class SeriesForm(forms.Form):
    """A meeting series: the first meeting and how it repeats (the events' rule builder)."""

    start = _datetime_field(_("First meeting starts"))
    end = _datetime_field(_("and ends"))
    repeat = forms.ChoiceField(
        label=_("Repeats"), choices=[c for c in REPEAT_CHOICES if c[0] != "custom"]
    )
    repeat_until = forms.DateField(
        label=_("until (last day)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    format = forms.ChoiceField(label=_("Format"), choices=EventFormat.choices)
    venue_name = forms.CharField(label=_("Venue"), max_length=160, required=False)
    street = forms.CharField(label=_("Street and number"), max_length=160, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=10, required=False)
    city = forms.CharField(label=_("City"), max_length=120, required=False)
    online_url = forms.URLField(
        label=_("Online meeting link"), max_length=500, required=False, assume_scheme="https"
    )

    def service_fields(self) -> dict:
        data = self.cleaned_data
        fields = {
            name: data.get(name) or ""
            for name in ("format", "venue_name", "street", "postcode", "city", "online_url")
        }
        return fields | {
            "start": data["start"],
            "end": data["end"],
            "recurrence": build(
                repeat=data["repeat"], start=data["start"], until=data.get("repeat_until")
            ),
        }
