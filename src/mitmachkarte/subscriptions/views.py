"""Subscription pages: the form, the confirm/unsubscribe links and the manage page.

Links from mails only show a button; acting happens by POST, so mail scanners change
nothing. The one exception RFC 8058 demands: the unsubscribe URL accepts a POST without a
CSRF token (mail clients' one-click), which is safe because the signed token authorises it.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from mitmachkarte.core import ratelimit
from mitmachkarte.core.forms import add_service_errors
from mitmachkarte.core.http import private
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.municipalities.selectors import resolve_municipality

from . import mails, selectors, services, tokens
from .forms import NewSubscriptionForm, SubscriptionForm

CONSENT_TEXT = gettext_lazy(
    "I agree that my e-mail address and my choices are stored to send me these e-mails. "
    "I can end the subscription at any time with the link in every e-mail."
)


def _link_problem(request, exc: tokens.TokenError):
    return render(request, "subscriptions/link_problem.html", {"expired": exc.expired}, status=400)


def _form_context(form) -> dict:
    return {
        "form": form,
        "consent_text": CONSENT_TEXT,
        "privacy_url": settings.PRIVACY_URL,
        "municipality_choices": Municipality.objects.order_by("name").values_list(
            "name", flat=True
        ),
    }


@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "POST":
        form = NewSubscriptionForm(request.POST)
        if form.caught_bot:  # look successful, store nothing
            return redirect("subscriptions:sent")
        if form.is_valid():
            try:
                ratelimit.check("subscribe", request, email=form.cleaned_data["email"])
            except ratelimit.RateLimited as exc:
                return ratelimit.render_limited(
                    request, "subscriptions/subscribe.html", _form_context(form), exc, form=form
                )
            try:
                services.subscribe(
                    email=form.cleaned_data["email"],
                    language=get_language(),
                    consent_text=str(CONSENT_TEXT),
                    **form.service_kwargs(),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                return redirect("subscriptions:sent")
        return render(request, "subscriptions/subscribe.html", _form_context(form), status=400)
    initial = {}
    municipality = resolve_municipality(request.GET.get("kommune", "")[:120])
    if municipality:
        initial = {"area_type": "municipality", "municipality": municipality.name}
    elif request.GET.get("bbox"):
        initial = {"area_type": "bbox", "bbox": request.GET["bbox"][:200]}
    return render(
        request, "subscriptions/subscribe.html", _form_context(NewSubscriptionForm(initial=initial))
    )


@require_GET
def sent(request):
    return render(request, "subscriptions/sent.html", {"max_age_days": tokens.CONFIRM_MAX_AGE.days})


@private
@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    try:
        subscription = services.subscription_for_token(token=token, purpose=tokens.CONFIRM)
        if request.method == "POST":
            subscription = services.confirm(token=token)
    except tokens.TokenError as exc:
        return _link_problem(request, exc)
    if request.method == "POST":
        messages.success(request, _("Thank you: your subscription is confirmed."))
        return redirect(mails.manage_path(subscription))
    return render(request, "subscriptions/confirm.html", {"subscription": subscription})


@private
@csrf_exempt  # RFC 8058 one-click: mail clients POST without a CSRF token; the token decides
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    try:
        subscription_id, key = tokens.read_token(token, purpose=tokens.UNSUBSCRIBE)
        if request.method == "POST":
            services.unsubscribe(token=token)
            if request.POST.get("List-Unsubscribe") == "One-Click":
                return HttpResponse(
                    _("You have been unsubscribed."), content_type="text/plain; charset=utf-8"
                )
            return render(request, "subscriptions/unsubscribe.html", {"done": True})
    except tokens.TokenError as exc:
        return _link_problem(request, exc)
    subscription = selectors.subscription_with_key(subscription_id, key)
    # A valid link of a subscription that is gone already: nothing left to do.
    return render(
        request,
        "subscriptions/unsubscribe.html",
        {"subscription": subscription, "done": subscription is None},
    )


def _manage_key(token: str) -> str:
    _id, key = tokens.read_token(token, purpose=tokens.MANAGE)
    return key


@private
@require_GET
def manage(request, token: str):
    try:
        key = _manage_key(token)
    except tokens.TokenError as exc:
        return _link_problem(request, exc)
    rows = [(s, mails.links(s)) for s in selectors.subscriptions_of(key)]
    return render(
        request,
        "subscriptions/manage.html",
        {"rows": rows, "token": token, "email": rows[0][0].email if rows else ""},
    )


@private
@require_http_methods(["GET", "POST"])
def edit(request, token: str, pk: int):
    try:
        key = _manage_key(token)
    except tokens.TokenError as exc:
        return _link_problem(request, exc)
    subscription = selectors.subscriptions_of(key).filter(pk=pk).first()
    if subscription is None:
        raise Http404(_("This subscription does not exist (any more)."))
    manage_url = reverse("subscriptions:manage", args=[token])
    if request.method == "POST":
        form = SubscriptionForm(request.POST)
        if form.is_valid():
            try:
                services.update_subscription(subscription=subscription, **form.service_kwargs())
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Your subscription has been changed."))
                return redirect(manage_url)
        status = 400
    else:
        form = SubscriptionForm(initial=SubscriptionForm.initial_for(subscription))
        status = 200
    return render(
        request,
        "subscriptions/edit.html",
        {**_form_context(form), "subscription": subscription, "manage_url": manage_url},
        status=status,
    )
