from django import forms
from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.concurrency import VersionedForm
from mitmachkarte.organisations.models import Organisation, OrganisationType

from .models import ActionStatus, CooperationType


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))


class JoinForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the chairs (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class NotesForm(VersionedForm):
    agenda = forms.CharField(
        label=_("Agenda"),
        required=False,
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    minutes = forms.CharField(
        label=_("Minutes"),
        required=False,
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    decisions = forms.CharField(
        label=_("Decisions"),
        required=False,
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ActionItemForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=240)
    owner = forms.TypedChoiceField(label=_("Owner"), coerce=int)
    due_date = forms.DateField(label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [(m.user_id, m.display_name) for m in members]


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)


class CooperationForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Your organisation"), queryset=None)
    counterpart = forms.ModelChoiceField(
        label=_("Cooperation partner"),
        queryset=Organisation.objects.filter(
            type__in=[
                OrganisationType.INITIATIVE,
                OrganisationType.MUNICIPALITY,
                OrganisationType.ADVICE_CENTRE,
            ]
        ),
    )
    type = forms.ChoiceField(label=_("Type"), choices=CooperationType.choices)
    since = forms.DateField(label=_("Since"), widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    description = forms.CharField(
        label=_("Short description"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].empty_label = None  # the partner picker needs one side
