"""/barrierefreiheit/: the accessibility statement (BITV 2.0 § 12b) and its feedback form.

The feedback reaches the operator (MODERATION_EMAILS, through core.mail); the enforcement
body to turn to when an answer is missing or unsatisfying is a setting, so each operator
names the one of its state.
"""

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import mail, ratelimit
from .forms import HoneypotMixin

TEMPLATE = "core/accessibility.html"


class FeedbackForm(HoneypotMixin, forms.Form):
    message = forms.CharField(
        label=_("What is hard to use or missing?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    page = forms.CharField(label=_("On which page? (optional)"), max_length=300, required=False)
    email = forms.EmailField(
        label=_("Your e-mail address, if you want an answer (optional)"), required=False
    )

    def clean_page(self):
        return " ".join(self.cleaned_data["page"].split())


def statement(request):
    form = FeedbackForm(request.POST or None)
    context = {
        "form": form,
        "sent": False,
        "enforcement_body": settings.ACCESSIBILITY_ENFORCEMENT_BODY,
        "enforcement_url": settings.ACCESSIBILITY_ENFORCEMENT_URL,
        "reviewed": settings.ACCESSIBILITY_REVIEWED,
    }
    if request.method == "POST" and form.caught_bot:  # looks sent, sends nothing
        context.update(sent=True, form=FeedbackForm())
        return render(request, TEMPLATE, context)
    if request.method == "POST" and form.is_valid():
        try:
            ratelimit.check("feedback", request, email=form.cleaned_data["email"])
        except ratelimit.RateLimited as exc:
            return ratelimit.render_limited(request, TEMPLATE, context, exc, form=form)
        data = form.cleaned_data
        mail.send_to_managers(
            subject=lambda: gettext("Accessibility feedback"),
            body="\n\n".join(
                part
                for part in (
                    data["message"],
                    f"Seite: {data['page']}" if data["page"] else "",
                    f"Antwort an: {data['email']}" if data["email"] else "Keine Antwortadresse",
                )
                if part
            ),
        )
        context.update(sent=True, form=FeedbackForm())
    return render(request, TEMPLATE, context)
