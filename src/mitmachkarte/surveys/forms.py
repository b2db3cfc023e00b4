"""Forms of the builder. The answering form is built in the template from the questions."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from mitmachkarte.municipalities.models import Municipality

from .models import Question, QuestionType, Section, Survey
from .regions import REGIONS

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = [
            "title_de",
            "title_en",
            "intro_de",
            "intro_en",
            "anonymous",
            "open_link",
            "opens_at",
            "closes_at",
        ]
        widgets = {
            "opens_at": DATETIME,
            "closes_at": DATETIME,
            "intro_de": forms.Textarea(attrs={"rows": 3}),
            "intro_en": forms.Textarea(attrs={"rows": 3}),
        }


class NewSurveyForm(forms.Form):
    title_de = forms.CharField(label=_("title (German)"), max_length=200)


class SectionForm(forms.ModelForm):
    class Meta:
        model = Section
        fields = ["title_de", "title_en", "description_de", "description_en"]
        widgets = {
            "description_de": forms.Textarea(attrs={"rows": 2}),
            "description_en": forms.Textarea(attrs={"rows": 2}),
        }


class QuestionForm(forms.Form):
    key = forms.SlugField(
        label=_("key"),
        max_length=60,
        help_text=_("Lower-case letters, digits and _, e.g. support_wanted."),
    )
    type = forms.ChoiceField(label=_("type"), choices=QuestionType.choices)
    text_de = forms.CharField(label=_("question (German)"), max_length=400)
    text_en = forms.CharField(label=_("question (English)"), max_length=400, required=False)
    help_de = forms.CharField(label=_("help text (German)"), max_length=400, required=False)
    help_en = forms.CharField(label=_("help text (English)"), max_length=400, required=False)
    required = forms.BooleanField(label=_("required"), required=False)
    choices_text = forms.CharField(
        label=_("choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Single and multiple choice: one per line, “key | German | English”, "
            "e.g. “room | Raumsuche | Finding rooms”."
        ),
    )
    allow_other = forms.BooleanField(label=_("“other: …” option"), required=False)
    min_value = forms.DecimalField(
        label=_("minimum"), required=False, max_digits=12, decimal_places=2
    )
    max_value = forms.DecimalField(
        label=_("maximum"), required=False, max_digits=12, decimal_places=2
    )
    low_label_de = forms.CharField(label=_("label of 1 (German)"), max_length=80, required=False)
    low_label_en = forms.CharField(label=_("label of 1 (English)"), max_length=80, required=False)
    high_label_de = forms.CharField(label=_("label of 5 (German)"), max_length=80, required=False)
    high_label_en = forms.CharField(label=_("label of 5 (English)"), max_length=80, required=False)
    condition_question = forms.ModelChoiceField(
        label=_("show only if the answer to"), queryset=Question.objects.none(), required=False
    )
    condition_values = forms.CharField(
        label=_("is one of (keys, comma-separated)"),
        required=False,
        help_text=_("e.g. “yes”, or “4, 5” for a scale"),
    )

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        # Every question of the survey is offered; the service refuses later ones clearly.
        self.fields["condition_question"].queryset = survey.questions.order_by(
            "section__position", "position", "pk"
        )
        self.fields["condition_question"].label_from_instance = lambda q: (
            f"{q.key}: {q.text_de[:60]}"
        )

    def clean_condition_values(self):
        raw = self.cleaned_data.get("condition_values", "")
        return [v.strip() for v in raw.split(",") if v.strip()]

    @staticmethod
    def initial_for(question: Question) -> dict:
        data = {
            name: getattr(question, name)
            for name in (
                "key",
                "type",
                "text_de",
                "text_en",
                "help_de",
                "help_en",
                "required",
                "allow_other",
                "min_value",
                "max_value",
                "low_label_de",
                "low_label_en",
                "high_label_de",
                "high_label_en",
            )
        }
        data["choices_text"] = (
            "\n".join(
                f"{c.key} | {c.label_de} | {c.label_en}".rstrip(" |")
                for c in question.choices.all()
            )
            if question.type in (QuestionType.SINGLE, QuestionType.MULTIPLE)
            else ""
        )
        data["condition_question"] = question.condition_question_id
        data["condition_values"] = ", ".join(question.condition_values or [])
        return data


class InviteForm(forms.Form):
    regions = forms.MultipleChoiceField(
        label=_("administrative regions"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(code, f"{name} ({code})") for code, name in REGIONS.items()],
    )
    municipalities = forms.CharField(
        label=_("municipalities"),
        required=False,
        help_text=_("Names' slugs or 8-digit AGS, comma-separated, e.g. bochum, 05315000"),
    )

    def clean_municipalities(self):
        raw = [
            v.strip() for v in self.cleaned_data.get("municipalities", "").split(",") if v.strip()
        ]
        found = []
        for value in raw:
            field = "ags" if value.isdigit() else "slug"
            municipality = Municipality.objects.filter(**{field: value}).first()
            if municipality is None:
                raise ValidationError(_("Unknown municipality: %(value)s") % {"value": value})
            found.append(municipality)
        return found

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("regions") and not data.get("municipalities"):
            raise ValidationError(_("Pick at least one region or municipality."))
        return data
