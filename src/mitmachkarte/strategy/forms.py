"""Edit forms of the strategy; they carry the version token (core.concurrency) and hand
their values to the services, which check the rules."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mitmachkarte.core.concurrency import VersionedForm
from mitmachkarte.organisations.models import Organisation
from mitmachkarte.taxonomy.models import SDG, SDGTarget

from .levels import FIELD, MEASURE, Level
from .models import Indicator, Strategy


class LabelsField(forms.CharField):
    """Free labels, one per "|" (a label may hold spaces and commas)."""

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return " | ".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        return [part.strip() for part in text.split("|") if part.strip()]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class StrategyForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Strategy
        fields = ["title", "summary", "published"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}


def node_form_class(level: Level, municipality):
    """The ModelForm of a level; partners are the organisations of the municipality."""
    names = ["code", "title", "description", "position", "published"]
    if level is not FIELD:
        names += ["sdgs", "targets", "strategy_refs"]
    if level is MEASURE:
        names += ["status", "responsible_unit", "partners", "starts_on", "ends_on", "resources"]

    class NodeForm(VersionedForm, forms.ModelForm):
        if level is not FIELD:
            sdgs = forms.ModelMultipleChoiceField(
                SDG.objects.order_by("number"),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                label=_("SDGs"),
            )
            targets = forms.ModelMultipleChoiceField(
                SDGTarget.objects.select_related("sdg").order_by("sdg_id", "position"),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                label=_("SDG targets"),
                help_text=_("A target implies its goal."),
            )
            strategy_refs = LabelsField(
                required=False,
                label=_("References to the German/NRW sustainability strategy"),
                help_text=_(
                    "Separate several with “|”, e.g. DNS 12.1.a | NRW: Nachhaltiger Konsum"
                ),
            )
        if level is MEASURE:
            note = forms.CharField(
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                label=_("Progress note"),
                help_text=_("Saved with today's date; a status change keeps it as its reason."),
            )

        class Meta:
            model = level.model
            fields = names
            widgets = {
                "description": forms.Textarea(attrs={"rows": 4}),
                "resources": forms.Textarea(attrs={"rows": 2}),
                "starts_on": DateInput(),
                "ends_on": DateInput(),
            }

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if "partners" in self.fields:
                chosen = list(self.instance.partners.values_list("pk", flat=True)) if (
                    self.instance.pk
                ) else []  # fmt: skip
                self.fields["partners"].queryset = Organisation.objects.filter(
                    Q(municipality=municipality)
                    | Q(initiative__municipality=municipality)
                    | Q(pk__in=chosen)
                ).order_by("name")
                self.fields["partners"].help_text = _(
                    "Organisations on the platform in this municipality."
                )

        def _post_clean(self):
            # The services check the rules (codes per parent need the parent the form lacks).
            pass

        def changes(self) -> dict:
            return {k: v for k, v in self.field_values().items() if k != "note"}

    return NodeForm


class MoveForm(forms.Form):
    parent = forms.ModelChoiceField(queryset=None, label=_("Move below"))

    def __init__(self, *args, parents=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = parents


class NoteForm(forms.Form):
    date = forms.DateField(label=pgettext_lazy("calendar date", "Date"), widget=DateInput())
    text = forms.CharField(label=_("Progress note"), widget=forms.Textarea(attrs={"rows": 2}))


class IndicatorForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "unit",
            "description",
            "direction",
            "baseline_value",
            "baseline_year",
            "target_value",
            "target_year",
            "position",
            "published",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
        localized_fields = ["baseline_value", "target_value"]

    def _post_clean(self):
        pass  # the services check (the goal is not part of the form)


class ValueForm(forms.Form):
    date = forms.DateField(label=pgettext_lazy("calendar date", "Date"), widget=DateInput())
    value = forms.DecimalField(label=_("Value"), max_digits=16, decimal_places=4, localize=True)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File"))
    MAX_BYTES = 5_000_000


class ImportForm(forms.Form):
    structure = forms.FileField(label=_("Strategy (CSV)"), required=False)
    indicators = forms.FileField(label=_("Indicators and values (CSV)"), required=False)
    document = forms.FileField(label=_("Or the whole strategy as JSON"), required=False)

    def clean(self):
        data = super().clean()
        if not any(data.get(n) for n in ("structure", "indicators", "document")):
            raise forms.ValidationError(_("Choose at least one file."))
        for name in ("structure", "indicators", "document"):
            upload = data.get(name)
            if upload and upload.size > UploadForm.MAX_BYTES:
                self.add_error(name, _("The file is larger than 5 MB."))
        return data
