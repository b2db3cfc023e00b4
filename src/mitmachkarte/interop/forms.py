from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .readers import FORMATS


class ImportForm(forms.Form):
    file = forms.FileField(label=_("File"))
    fmt = forms.ChoiceField(label=_("Format"), choices=[(f, f) for f in FORMATS], initial="kvm-csv")
    source = forms.CharField(
        label=_("Source name"),
        max_length=80,
        required=False,
        help_text=_(
            "Re-imports of the same source update their entries. Default: kvm, csv or geojson."
        ),
    )
    mapping = forms.FileField(
        label=_("Tag mapping (TOML)"),
        required=False,
        help_text=_("Optional; replaces the shipped mapping."),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run (check only, save nothing)"), required=False, initial=True
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file has %(size).1f MB; at most %(limit).0f MB can be imported at once."),
                params={"size": upload.size / 1e6, "limit": limit / 1e6},
            )
        return upload
