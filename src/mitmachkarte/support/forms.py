"""Forms of the support pages. They only parse input; the rules live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.concurrency import VersionedForm
from mitmachkarte.municipalities.forms import MunicipalityField

from .models import Need, Offer, OfferType

TEXTAREA = {"rows": 4}


class NeedForm(VersionedForm, forms.ModelForm):
    municipality = MunicipalityField(
        label=_("Municipality"), required=False, help_text=_("Name or AGS, e.g. Bochum.")
    )

    class Meta:
        model = Need
        fields = ["need_type", "title", "description", "schedule", "municipality"]
        widgets = {"description": forms.Textarea(attrs=TEXTAREA)}
        help_texts = {"schedule": _("e.g. monthly, every 2nd Saturday, 14–18 h")}

    def _post_clean(self):
        pass  # the service validates the model (one place for the rules)


COMMON_OFFER_FIELDS = [
    "title",
    "description",
    "municipality",
    "address",
    "is_active",
    "notify_matches",
]
TYPE_FIELDS = {
    OfferType.ROOM: [
        "capacity",
        "step_free",
        "equipment",
        "cost",
        "availability",
        "booking_contact",
    ],
    OfferType.FUNDING: ["funder", "amount_min", "amount_max", "deadline", "eligibility", "link"],
    OfferType.PERMIT: ["topic", "responsible_office", "steps", "documents", "typical_duration"],
    OfferType.ADVICE: [],
    OfferType.OTHER: [],
}


class OfferForm(VersionedForm, forms.ModelForm):
    municipality = MunicipalityField(
        label=_("Municipality"),
        required=False,
        help_text=_("Leave empty for programmes open to the whole state."),
    )

    class Meta:
        model = Offer
        fields = COMMON_OFFER_FIELDS + sorted({f for fs in TYPE_FIELDS.values() for f in fs})
        widgets = {
            name: forms.Textarea(attrs=TEXTAREA)
            for name in (
                "description",
                "equipment",
                "availability",
                "eligibility",
                "steps",
                "documents",
            )
        }
        widgets["deadline"] = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def __init__(self, *args, offer_type: str, **kwargs):
        super().__init__(*args, **kwargs)
        keep = {*COMMON_OFFER_FIELDS, *TYPE_FIELDS.get(offer_type, []), "version"}
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        if offer_type == OfferType.ROOM:
            # The model refuses < 1 too; the browser should not offer it.
            self.fields["capacity"].widget.attrs["min"] = 1

    def _post_clean(self):
        pass  # the service validates the model


class ContactForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"), max_length=5000, widget=forms.Textarea(attrs=TEXTAREA)
    )
    need = forms.TypedChoiceField(label=_("About your need"), coerce=int, required=False)
    offer = forms.TypedChoiceField(label=_("With your offer"), coerce=int, required=False)

    def __init__(self, *args, needs=(), offers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["need"].choices = [(n.pk, n.title) for n in needs]
        self.fields["offer"].choices = [(o.pk, o.title) for o in offers]
        if not needs:
            del self.fields["need"]
        if not offers:
            del self.fields["offer"]


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"), max_length=5000, widget=forms.Textarea(attrs=TEXTAREA)
    )
