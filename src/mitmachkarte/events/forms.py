"""Forms of the event pages. They only parse input; the rules live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.forms import HoneypotMixin
from mitmachkarte.taxonomy.models import Category

from .models import EventFormat

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


class RegistrationForm(HoneypotMixin):
    occurrence = forms.TypedChoiceField(label=_("Date"), coerce=int)
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)

    def __init__(self, *args, dates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["occurrence"].choices = [(o.pk, o.label) for o in dates]
        self.order_fields(["occurrence", "name", "email", "homepage"])


def _datetime_field(label):
    return forms.DateTimeField(
        label=label,
        input_formats=[DATETIME_LOCAL, "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
    )


class SubmissionForm(HoneypotMixin):
    title = forms.CharField(label=_("Title of your action"), max_length=160)
    description = forms.CharField(
        label=_("What happens?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text=_("Markdown is possible."),
    )
    start = _datetime_field(_("Start"))
    end = _datetime_field(_("End"))
    format = forms.ChoiceField(label=_("Format"), choices=EventFormat.choices)
    venue_name = forms.CharField(label=_("Venue"), max_length=160, required=False)
    street = forms.CharField(label=_("Street and number"), max_length=160, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=10, required=False)
    city = forms.CharField(label=_("City"), max_length=120, required=False)
    online_url = forms.URLField(
        label=_("Online meeting link"), max_length=500, required=False, assume_scheme="https"
    )
    categories = forms.ModelMultipleChoiceField(
        label=_("Categories"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    organiser_name = forms.CharField(label=_("Organised by (initiative or group)"), max_length=160)
    organiser_email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("Not published. We send you the link to your participant list."),
    )


class OrganiserLinkForm(HoneypotMixin):
    email = forms.EmailField(label=_("Organiser e-mail address"), max_length=254)


class MessageForm(forms.Form):
    occurrence = forms.TypedChoiceField(
        label=_("Date"), coerce=int, required=False, empty_value=None
    )
    subject = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 6}), max_length=10_000
    )
    include_waiting_list = forms.BooleanField(label=_("Also to the waiting list"), required=False)

    def __init__(self, *args, dates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["occurrence"].choices = [("", _("All upcoming dates"))] + [
            (o.pk, o.label) for o in dates
        ]
