"""Forms of the proposal, revision, report and moderation pages; the rules are in services."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.concurrency import VersionedForm
from mitmachkarte.core.forms import HoneypotMixin
from mitmachkarte.initiatives import validation
from mitmachkarte.initiatives.form_fields import (
    image_alt_field,
    image_credit_field,
    image_field,
    opening_hours_field,
)
from mitmachkarte.initiatives.models import SHORT_DESCRIPTION_MAX, DataLicence
from mitmachkarte.taxonomy.models import SDG, Category, Tag

from .models import ReportKind
from .services import MAX_REASON, PROPOSAL_FIELDS

MAX_DESCRIPTION = validation.TEXT_LIMITS["description"]
MAX_TEXT = validation.TEXT_LIMITS["meeting_times"]

GEOCODED = "address"


def _coordinate(label):
    return forms.FloatField(
        label=label,
        required=False,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )


class EntryForm(HoneypotMixin):
    """The entry's public fields, shared by the proposal and its revision."""

    name = forms.CharField(label=_("Name of the initiative"), max_length=160)
    short_description = forms.CharField(
        label=_("Short description"),
        max_length=SHORT_DESCRIPTION_MAX,
        help_text=_("One or two sentences, at most 250 characters."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=MAX_DESCRIPTION,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Markdown is possible: **bold**, *italic*, lists, links."),
    )
    categories = forms.ModelMultipleChoiceField(
        label=_("Categories"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": validation.CATEGORY_MESSAGE,
            "invalid_choice": validation.CATEGORY_MESSAGE,
        },
    )
    sdgs = forms.ModelMultipleChoiceField(
        label=_("Sustainable Development Goals"),
        queryset=SDG.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=400,
        help_text=_("Comma-separated, e.g. repair, bicycles"),
    )
    street = forms.CharField(label=_("Street and number"), max_length=160, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=10, required=False)
    city = forms.CharField(label=_("City"), max_length=120, required=False)
    latitude = _coordinate(_("Latitude"))
    longitude = _coordinate(_("Longitude"))
    # Set by the picker: "address" when "find address" set the point, "map" when it was
    # clicked, dragged or typed. A geocoded point widens the duplicate check.
    location_source = forms.CharField(required=False, max_length=10, widget=forms.HiddenInput)
    contact_email = forms.EmailField(
        label=_("Contact e-mail of the initiative"),
        required=False,
        help_text=_("Never published: messages from the site are relayed to it."),
    )
    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )
    meeting_times = forms.CharField(
        label=_("Meeting or opening times"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    opening_hours = opening_hours_field()
    image_alt = image_alt_field()
    image_credit = image_credit_field()
    how_to_join = forms.CharField(
        label=_("How to join in"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    data_licence = forms.ChoiceField(
        label=_("Data licence"),
        choices=DataLicence.choices,
        initial=DataLicence.ODBL,
        widget=forms.RadioSelect,
        help_text=_("Under which licence others may reuse this entry's data."),
    )

    def clean_tags(self):
        names = [" ".join(t.split()) for t in self.cleaned_data["tags"].split(",")]
        try:
            return validation.tag_names(names)
        except ValidationError as exc:
            raise ValidationError(exc.message_dict["tags"]) from None

    def clean(self):
        data = super().clean()
        lat, lon = data.get("latitude"), data.get("longitude")
        if (lat is None) != (lon is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."))
        if lat is None and not (data.get("postcode") or "").strip():
            self.add_error(
                "latitude",
                _(
                    "Pick the location on the map, or enter an address "
                    "with a postcode so we can find it."
                ),
            )
        if data.get("image") and not (data.get("image_alt") or "").strip():
            self.add_error(
                "image_alt",
                validation.image_text_errors(has_image=True, alt="", credit="")["image_alt"][0],
            )
        return data

    @property
    def geocoded(self) -> bool:
        return self.cleaned_data.get("location_source") == GEOCODED

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        kwargs = {key: data[key] for key in (*PROPOSAL_FIELDS, "latitude", "longitude", "tags")}
        kwargs["categories"] = [c.slug for c in data["categories"]]
        kwargs["sdgs"] = [s.number for s in data["sdgs"]]
        if data.get("image"):
            kwargs["image"] = data["image"]
        return kwargs


class ReviseForm(VersionedForm, EntryForm):
    """The proposer's revision, with the version of the entry it started from."""

    def values(self) -> dict:
        """The entry's fields in the format of initiatives.versions.snapshot."""
        kwargs = self.service_kwargs()
        return {**kwargs, **{k: sorted(kwargs[k]) for k in ("categories", "sdgs", "tags")}}

    @staticmethod
    def initial_from(values: dict) -> dict:
        return {**values, "tags": ", ".join(values["tags"])}


class ProposalForm(EntryForm):
    image = image_field()
    proposer_name = forms.CharField(label=_("Your name"), max_length=120)
    proposer_email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("Not published. We tell you the moderation's decision."),
    )
    consent = forms.BooleanField(
        label=_("I agree that my name and e-mail address are stored to process this proposal.")
    )
    not_a_duplicate = forms.BooleanField(
        required=False, label=_("My entry is none of these: save it as a new entry.")
    )


class ReportForm(HoneypotMixin):
    kind = forms.ChoiceField(
        label=_("What is wrong?"), choices=ReportKind.choices, widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("Details"),
        required=False,
        max_length=MAX_REASON,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    reporter_email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        required=False,
        help_text=_("Only for questions from the moderation; never published."),
    )


class MergeTagsForm(forms.Form):
    source = forms.ModelChoiceField(
        label=_("Merge this tag"), queryset=Tag.objects.all(), to_field_name="slug"
    )
    target = forms.ModelChoiceField(
        label=_("into this tag"), queryset=Tag.objects.all(), to_field_name="slug"
    )


class SynonymForm(forms.Form):
    tag = forms.ModelChoiceField(label=_("Tag"), queryset=Tag.objects.all(), to_field_name="slug")
    name = forms.CharField(label=_("Synonym"), max_length=60)
