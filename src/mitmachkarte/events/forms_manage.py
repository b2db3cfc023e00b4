"""The organisers' event form (/veranstaltungen/neu/, …/bearbeiten/). It parses input and
turns the rule builder into an RRULE; the rules of an event live in the model and services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mitmachkarte.organisations.models import Organisation
from mitmachkarte.taxonomy.models import SDG, Category

from . import recurrence_builder
from .forms import _datetime_field
from .models import Campaign, Event, EventFormat, EventType

# Fields handed to the services as they are.
PLAIN = [
    "title",
    "event_type",
    "description",
    "start",
    "end",
    "format",
    "venue_name",
    "street",
    "postcode",
    "city",
    "online_url",
    "registration_enabled",
    "capacity",
    "waiting_list",
    "registration_deadline",
    "campaign",
]


FIELDSETS = [
    (_("What"), ["organisation", "co_organisers", "title", "event_type", "description"], ""),
    (
        _("When"),
        ["start", "end", "repeat", "repeat_until", "repeat_count", "rule"],
        _(
            "The first date is the start; “monthly on the same weekday” takes its weekday "
            "and week (e.g. the 2nd Saturday)."
        ),
    ),
    (
        _("Where"),
        ["format", "venue_name", "street", "postcode", "city", "online_url"],
        _("The municipality is found from the address."),
    ),
    (
        _("Registration"),
        ["registration_enabled", "capacity", "waiting_list", "registration_deadline"],
        "",
    ),
    (_("Topics"), ["campaign", "categories", "sdgs"], ""),
]


class EventForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organised by"), queryset=Organisation.objects.none(), empty_label=None
    )
    co_organisers = forms.ModelMultipleChoiceField(
        label=_("Co-organisers"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("Their members may edit the event and see its participants too."),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    title = forms.CharField(label=_("Title"), max_length=160)
    event_type = forms.ChoiceField(label=_("Type"), choices=EventType.choices)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10_000,
        required=False,
        help_text=_("Markdown is possible."),
    )
    start = _datetime_field(_("Start"))
    end = _datetime_field(_("End"))
    repeat = forms.ChoiceField(
        label=_("Repeats"), choices=recurrence_builder.CHOICES, required=False
    )
    repeat_until = forms.DateField(
        label=_("until (last day)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    repeat_count = forms.IntegerField(
        label=_("or number of dates"), min_value=1, max_value=500, required=False
    )
    rule = forms.CharField(
        label=_("Own rule (RRULE)"),
        max_length=500,
        required=False,
        help_text=_("Only for “own rule”, e.g. FREQ=WEEKLY;BYDAY=TU,TH"),
    )
    format = forms.ChoiceField(label=_("Format"), choices=EventFormat.choices)
    venue_name = forms.CharField(label=_("Venue"), max_length=160, required=False)
    street = forms.CharField(label=_("Street and number"), max_length=160, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=10, required=False)
    city = forms.CharField(label=_("City"), max_length=120, required=False)
    online_url = forms.URLField(
        label=_("Online meeting link"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Public unless registration is on: then only participants receive it."),
    )
    registration_enabled = forms.BooleanField(label=_("Registration"), required=False)
    capacity = forms.IntegerField(
        label=_("Places per date"),
        min_value=1,
        required=False,
        help_text=_("Empty for no limit."),
    )
    waiting_list = forms.BooleanField(
        label=_("Waiting list when full"), required=False, initial=True
    )
    registration_deadline = _datetime_field(_("Registration deadline"))
    campaign = forms.ModelChoiceField(
        label=_("Campaign (action days)"), queryset=Campaign.objects.all(), required=False
    )
    categories = forms.ModelMultipleChoiceField(
        label=_("Categories"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sdgs = forms.ModelMultipleChoiceField(
        label=_("SDGs"),
        queryset=SDG.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["registration_deadline"].required = False

    def fieldsets(self) -> list[tuple]:
        return [(legend, [self[name] for name in names], help) for legend, names, help in FIELDSETS]

    def clean(self):
        data = super().clean()
        start, repeat = data.get("start"), data.get("repeat")
        if repeat == "custom":
            if not data.get("rule"):
                self.add_error("rule", _("Write the rule, or choose one of the others."))
            data["recurrence"] = data.get("rule", "")
        elif start:
            data["recurrence"] = recurrence_builder.build(
                repeat=repeat or "",
                start=start,
                until=data.get("repeat_until"),
                count=data.get("repeat_count"),
            )
        return data

    def service_fields(self) -> dict:
        data = self.cleaned_data
        fields = {name: data.get(name) for name in PLAIN}
        fields["description"] = data.get("description") or ""
        fields["online_url"] = data.get("online_url") or ""
        fields["recurrence"] = data.get("recurrence", "")
        fields["organisation"] = data["organisation"]
        fields["organiser_name"] = data["organisation"].name
        return {
            **fields,
            "categories": [c.slug for c in data.get("categories") or []],
            "sdgs": [s.number for s in data.get("sdgs") or []],
            "co_organisers": list(data.get("co_organisers") or []),
        }


def initial_from(event: Event) -> dict:
    """The form's values for an existing event (edit) or as a template (copy)."""
    initial = {name: getattr(event, name) for name in PLAIN}
    initial.update(
        organisation=event.organisation_id,
        co_organisers=list(event.co_organisers.values_list("pk", flat=True)),
        categories=list(event.categories.values_list("slug", flat=True)),
        sdgs=list(event.sdgs.values_list("number", flat=True)),
        campaign=event.campaign_id,
        **recurrence_builder.fields_from(event.recurrence, event.start),
    )
    return initial
