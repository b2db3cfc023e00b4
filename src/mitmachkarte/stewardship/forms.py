"""Forms of entry care. They only parse input; the rules live in the services
(initiatives.validation for the fields of an entry)."""

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.concurrency import VersionedForm
from mitmachkarte.core.forms import HoneypotMixin
from mitmachkarte.initiatives.form_fields import (
    image_alt_field,
    image_credit_field,
    image_field,
    opening_hours_field,
)
from mitmachkarte.initiatives.models import SHORT_DESCRIPTION_MAX
from mitmachkarte.initiatives.validation import (
    CATEGORY_MESSAGE,
    MAX_SOCIAL_LINKS,
    TEXT_LIMITS,
    image_text_errors,
    links_message,
)
from mitmachkarte.taxonomy.models import SDG, Category

from .contact import CONTACT_MESSAGE_MAX
from .suggestions import REASON_MAX


class InitiativeEditForm(VersionedForm):
    name = forms.CharField(label=_("Name"), max_length=160)
    short_description = forms.CharField(
        label=_("Short description"),
        max_length=SHORT_DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    description = forms.CharField(
        label=_("Description (Markdown)"),
        required=False,
        max_length=TEXT_LIMITS["description"],
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    categories = forms.MultipleChoiceField(
        label=_("Categories"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": CATEGORY_MESSAGE, "invalid_choice": CATEGORY_MESSAGE},
    )
    sdgs = forms.TypedMultipleChoiceField(
        label=_("Sustainable Development Goals"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tags = forms.CharField(label=_("Tags (comma-separated)"), required=False, max_length=1200)
    street = forms.CharField(label=_("Street and number"), max_length=160, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=10, required=False)
    city = forms.CharField(label=_("City"), max_length=120, required=False)
    latitude = forms.FloatField(label=_("Latitude"), min_value=-90, max_value=90)
    longitude = forms.FloatField(label=_("Longitude"), min_value=-180, max_value=180)
    contact_email = forms.EmailField(
        label=_("Contact e-mail (never published; messages are relayed to it)"), required=False
    )
    contact_phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    website = forms.URLField(label=_("Website"), required=False, max_length=200)
    social_links = forms.CharField(
        label=_("Social media links (one per line)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    meeting_times = forms.CharField(
        label=_("Meeting and opening times"),
        required=False,
        max_length=TEXT_LIMITS["meeting_times"],
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    opening_hours = opening_hours_field()
    image = image_field()
    remove_image = forms.BooleanField(label=_("Remove the picture"), required=False)
    image_alt = image_alt_field()
    image_credit = image_credit_field()
    how_to_join = forms.CharField(
        label=_("How to join in"),
        required=False,
        max_length=TEXT_LIMITS["how_to_join"],
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    founded_year = forms.IntegerField(
        label=_("Founded (year)"), required=False, min_value=1800, max_value=2100
    )
    comment = forms.CharField(
        label=_("Comment for the reviewers"),
        required=False,
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, publisher: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].choices = [
            (c.slug, c.name) for c in Category.objects.order_by("position")
        ]
        self.fields["sdgs"].choices = [
            (s.number, f"{s.number} {s.name}") for s in SDG.objects.order_by("number")
        ]
        if publisher:
            del self.fields["comment"]
        else:
            # Suggesters never see (or change) the hidden contact address; a picture is
            # published at once, so it is for editors only.
            del self.fields["contact_email"]
            del self.fields["image"], self.fields["remove_image"]

    @staticmethod
    def initial_from(snapshot: dict) -> dict:
        return {
            **snapshot,
            "tags": ", ".join(snapshot["tags"]),
            "social_links": "\n".join(snapshot["social_links"]),
        }

    def clean_social_links(self) -> list[str]:
        links = [
            line.strip() for line in self.cleaned_data["social_links"].splitlines() if line.strip()
        ]
        if len(links) > MAX_SOCIAL_LINKS:
            raise forms.ValidationError(links_message())
        validate = URLValidator(schemes=["http", "https"])
        for link in links:
            validate(link)
        return links

    def clean_tags(self) -> list[str]:
        names = [" ".join(t.split()) for t in self.cleaned_data["tags"].split(",")]
        return sorted({n for n in names if n})

    def clean(self):
        data = super().clean()
        if data.get("image") and not (data.get("image_alt") or "").strip():
            message = image_text_errors(has_image=True, alt="", credit="")["image_alt"][0]
            self.add_error("image_alt", message)
        return data

    def changes(self) -> dict:
        """The cleaned values in the format of versions.snapshot (comment and version
        excluded)."""
        skip = ("comment", "version", "image", "remove_image")
        data = {k: v for k, v in self.cleaned_data.items() if k not in skip}
        data["categories"] = sorted(data["categories"])
        data["sdgs"] = sorted(data["sdgs"])
        return data


class ContactForm(HoneypotMixin):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(label=_("Your e-mail address (for the answer)"))
    message = forms.CharField(
        label=_("Message"), max_length=CONTACT_MESSAGE_MAX, widget=forms.Textarea(attrs={"rows": 5})
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my name, e-mail address and message are forwarded to the "
            "initiative so that it can answer me. They are not stored on this site."
        )
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the author)"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput, max_length=200)


def archive_reason(request) -> str:
    """The optional reason typed next to an archive button (history, decision log, mails)."""
    return " ".join(request.POST.get("reason", "").split())[:REASON_MAX]
