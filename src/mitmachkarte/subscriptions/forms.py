"""The subscription form (new and change). The area is a municipality or a map section; the
rules themselves (one area, known kinds and topics) are enforced by services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.forms import HoneypotMixin
from mitmachkarte.core.geo import GeoInputError, parse_bbox
from mitmachkarte.core.params import FilterError
from mitmachkarte.municipalities.selectors import municipality_param
from mitmachkarte.taxonomy.selectors import categories, sdgs

from . import collectors
from .models import Frequency, Kind, Subscription

AREA_MUNICIPALITY, AREA_BOX = "municipality", "bbox"


class SubscriptionForm(forms.Form):
    area_type = forms.ChoiceField(
        label=_("Area"),
        widget=forms.RadioSelect,
        initial=AREA_MUNICIPALITY,
        choices=[(AREA_MUNICIPALITY, _("a municipality")), (AREA_BOX, _("a section of the map"))],
    )
    municipality = forms.CharField(
        label=_("Municipality"),
        required=False,
        max_length=120,
        widget=forms.TextInput(
            attrs={
                "list": "municipality-options",
                "autocomplete": "off",
                "placeholder": _("e.g. Bochum or 05911000"),
            }
        ),
    )
    bbox = forms.CharField(
        label=_("Map section (west,south,east,north)"),
        required=False,
        max_length=200,
        help_text=_("Take the current map view or draw a rectangle on the map."),
    )
    categories = forms.MultipleChoiceField(
        label=_("Categories"), required=False, widget=forms.CheckboxSelectMultiple
    )
    sdgs = forms.MultipleChoiceField(
        label=_("Sustainable Development Goals"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    kinds = forms.MultipleChoiceField(
        label=_("What should we send you?"),
        widget=forms.CheckboxSelectMultiple,
        initial=[Kind.INITIATIVES],
    )
    frequency = forms.ChoiceField(
        label=_("How often?"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        initial=Frequency.WEEKLY,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].choices = [(c.slug, c.name) for c in categories()]
        self.fields["sdgs"].choices = [(str(s.number), f"{s.number} {s.name}") for s in sdgs()]
        self.fields["kinds"].choices = collectors.available_kinds()

    def clean(self):
        data = super().clean()
        data["municipality_obj"] = data["bbox_obj"] = None
        area_type = data.get("area_type")
        if area_type == AREA_MUNICIPALITY:
            if not data.get("municipality"):
                self.add_error("municipality", _("Choose a municipality."))
            else:
                try:
                    data["municipality_obj"] = municipality_param(data["municipality"])
                except FilterError:
                    self.add_error(
                        "municipality", _("Unknown municipality. Enter a name or an 8-digit AGS.")
                    )
        elif area_type == AREA_BOX:
            if not data.get("bbox"):
                self.add_error("bbox", _("Take the map view or draw a rectangle on the map."))
            else:
                try:
                    data["bbox_obj"] = parse_bbox(data["bbox"])
                except GeoInputError as exc:
                    self.add_error("bbox", str(exc))
        return data

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        return {
            "municipality": d["municipality_obj"],
            "bbox": d["bbox_obj"],
            "categories": d["categories"],
            "sdgs": [int(n) for n in d["sdgs"]],
            "kinds": d["kinds"],
            "frequency": d["frequency"],
        }

    @classmethod
    def initial_for(cls, subscription: Subscription) -> dict:
        b = subscription.bbox
        return {
            "area_type": AREA_BOX if b else AREA_MUNICIPALITY,
            "municipality": subscription.municipality.name if subscription.municipality else "",
            "bbox": ",".join(f"{v:.5f}" for v in b.as_list()) if b else "",
            "categories": [c.slug for c in subscription.categories.all()],
            "sdgs": [str(s.number) for s in subscription.sdgs.all()],
            "kinds": subscription.kinds,
            "frequency": subscription.frequency,
        }


class NewSubscriptionForm(SubscriptionForm, HoneypotMixin):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    consent = forms.BooleanField(label=_("I agree"), required=True)

    field_order = [
        "email",
        "area_type",
        "municipality",
        "bbox",
        "categories",
        "sdgs",
        "kinds",
        "frequency",
        "consent",
    ]
