"""Freshness mail links, the moderators' stale list, the privacy page and account data."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mitmachkarte.core.permissions import permission_required

from . import account, freshness, mails, selectors, tokens
from .forms import DeleteAccountForm, archive_reason
from .models import FreshnessReminder

STALE_PER_PAGE = 50


def _reminder_from(token: str, action: str):
    """(initiative, reminder) of a valid freshness link, or an error message."""
    try:
        data = tokens.read_token(token, purpose=tokens.FRESHNESS_ACTIONS[action], keys=("i", "r"))
    except tokens.TokenError as exc:
        if exc.expired:
            return (
                None,
                None,
                _(
                    "This link has expired. Log in and edit or confirm the entry "
                    "on its page, or wait for next year's reminder."
                ),
            )
        return None, None, _("This link is invalid. Please copy it completely from the e-mail.")
    reminder = (
        FreshnessReminder.objects.select_related("initiative")
        .filter(pk=data["r"], initiative_id=data["i"])
        .first()
    )
    if reminder is None:
        return None, None, _("This link is no longer valid.")
    return reminder.initiative, reminder, ""


@require_http_methods(["GET", "POST"])
def freshness_action(request, token: str, action: str):
    """Confirm or archive through the reminder mail: GET shows a button, POST acts, so
    mail scanners following links change nothing."""
    initiative, _reminder, error = _reminder_from(token, action)
    context = {"initiative": initiative, "action": action, "error": error, "done": False}
    if error:
        return render(request, "stewardship/freshness.html", context, status=400)
    if request.method == "POST":
        try:
            if action == "confirm":
                freshness.confirm_initiative(
                    initiative=initiative, user=request.user, via_link=True
                )
            else:
                freshness.archive_initiative(
                    initiative=initiative,
                    user=request.user,
                    via_link=True,
                    reason=archive_reason(request),
                )
            context["done"] = True
        except ValidationError as exc:
            context["error"] = " ".join(exc.messages)
            return render(request, "stewardship/freshness.html", context, status=400)
    return render(request, "stewardship/freshness.html", context)


@require_GET
def freshness_edit(request, token: str):
    """Editing needs an account: editors go to the form, a contact address first claims."""
    initiative, reminder, error = _reminder_from(token, "edit")
    if error:
        return render(
            request, "stewardship/freshness.html", {"error": error, "action": "edit"}, status=400
        )
    if mails.editor_emails(initiative) or not initiative.contact_email:
        return redirect("stewardship:edit", slug=initiative.slug)
    messages.info(
        request,
        _(
            "To edit the entry, log in (or create an account) and claim it: "
            "we send a confirmation link to the entry's contact e-mail."
        ),
    )
    return redirect("stewardship:claim", slug=initiative.slug)


@require_GET
@permission_required("stewardship.see_stale_entries")
def stale(request):
    page = Paginator(selectors.stale_initiatives(user=request.user), STALE_PER_PAGE)
    return render(
        request, "stewardship/stale.html", {"page": page.get_page(request.GET.get("page"))}
    )


@require_GET
def privacy(request):
    return render(request, "stewardship/privacy.html", {})


@require_GET
@login_required
def account_data(request):
    return render(
        request,
        "stewardship/account_data.html",
        {
            "form": DeleteAccountForm(),
            "versions": selectors.user_history_count(request.user),
        },
    )


@require_GET
@login_required
def account_export(request):
    data = selectors.account_data(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mitmachkarte-konto-{stamp}.json"'
    return response


@require_POST
@login_required
def account_delete(request):
    form = DeleteAccountForm(request.POST)
    if form.is_valid():
        try:
            account.delete_account(user=request.user, password=form.cleaned_data["password"])
        except ValidationError as exc:
            form.add_error("password", exc.message_dict.get("password", exc.messages))
        else:
            logout(request)
            messages.success(
                request, _("Your account is deleted. The entries you edited stay on the map.")
            )
            return redirect(reverse("initiatives:map"))
    return render(
        request,
        "stewardship/account_data.html",
        {
            "form": form,
            "versions": selectors.user_history_count(request.user),
        },
        status=400,
    )
