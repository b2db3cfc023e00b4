"""Pages that change things: post and edit needs and offers, get in touch, threads, opt-out.

Each view parses a form and calls one service; a service's PermissionDenied becomes a 403,
its ValidationError a form error, and nothing is saved then."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mitmachkarte.core import concurrency, conflict_notice
from mitmachkarte.core.concurrency import ConflictError
from mitmachkarte.core.forms import add_service_errors
from mitmachkarte.core.permissions import require_perm
from mitmachkarte.organisations.models import Organisation, OrganisationType
from mitmachkarte.organisations.selectors import organisations_of

from . import services, tokens
from .forms import ContactForm, MessageForm, NeedForm, OfferForm
from .models import Need, Offer, OfferType, Thread
from .rules import is_member


def _after_conflict(conflict: ConflictError, form, form_class, **kwargs):
    """The edit form again after a conflict: the other side's changes where the user changed
    nothing, the user's values elsewhere, the current version; and the notice to show."""
    merged, both = concurrency.merge(conflict, form.field_values())
    fresh = form_class(initial={**merged, concurrency.FIELD: conflict.token}, **kwargs)
    notice = conflict_notice.notice(
        conflict,
        labels=concurrency.form_labels(form),
        show=conflict_notice.model_display(form_class._meta.model),
        both=both,
    )
    return fresh, notice


def _status(request, conflict) -> int:
    if conflict:
        return 409
    return 400 if request.method == "POST" else 200


def _pick_organisation(request, choices):
    """The organisation named by ?organisation=<slug> (or the form), else the only one."""
    slug = request.POST.get("organisation") or request.GET.get("organisation")
    if slug:
        return choices.filter(slug=slug).first()
    return choices.first() if choices.count() == 1 else None


@login_required
@require_http_methods(["GET", "POST"])
def need_create(request):
    choices = organisations_of(request.user, type=OrganisationType.INITIATIVE)
    if not choices.exists():
        raise PermissionDenied(_("Only members of an initiative may post its needs."))
    organisation = _pick_organisation(request, choices)
    default_municipality = (
        organisation.initiative.municipality if organisation and organisation.initiative else None
    )
    form = NeedForm(request.POST or None, initial={"municipality": default_municipality})
    if request.method == "POST" and form.is_valid():
        if organisation is None:
            form.add_error(None, _("Choose the initiative this need is for."))
        else:
            try:
                need = services.create_need(
                    organisation=organisation, user=request.user, **form.field_values()
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(
                    request, _("Your need is published. Matching offers are listed below.")
                )
                return redirect(need)
    return render(
        request,
        "support/need_form.html",
        {"form": form, "organisations": choices, "organisation": organisation},
        status=(400 if request.method == "POST" else 200),
    )


def _edit_page(request, record, *, form_class, save, template: str, context: dict, **form_kw):
    """The edit page of a need or an offer: the form, the versioned save, a conflict."""
    initial = {"municipality": record.municipality}
    form = form_class(request.POST or None, instance=record, initial=initial, **form_kw)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            save(
                user=request.user,
                expected_version=form.cleaned_data["version"],
                **form.field_values(),
            )
        except ConflictError as exc:
            form, conflict = _after_conflict(exc, form, form_class, instance=record, **form_kw)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(record)
    return render(
        request,
        template,
        {**context, "form": form, "conflict": conflict},
        status=_status(request, conflict),
    )


@login_required
@require_http_methods(["GET", "POST"])
def need_edit(request, pk: int):
    need = get_object_or_404(Need, pk=pk)
    require_perm(request.user, "support.edit_need", need)
    return _edit_page(
        request,
        need,
        form_class=NeedForm,
        save=partial(services.update_need, need=need),
        template="support/need_form.html",
        context={"need": need},
    )


@login_required
@require_POST
def need_status(request, pk: int):
    need = get_object_or_404(Need, pk=pk)
    try:
        services.set_need_status(
            need=need,
            user=request.user,
            status=request.POST.get("status", ""),
            expected_version=request.POST.get(concurrency.FIELD, ""),
        )
    except ConflictError as exc:
        labels = {"status": _("Status")}
        show = conflict_notice.model_display(Need)
        messages.error(request, conflict_notice.summary(exc, labels=labels, show=show))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The status is changed."))
    return redirect(need)


@login_required
@require_POST
def need_renew(request, pk: int):
    need = services.renew_need(need=get_object_or_404(Need, pk=pk), user=request.user)
    messages.success(
        request,
        _("Your need stays listed until %(date)s.")
        % {"date": date_format(need.expires_on, "SHORT_DATE_FORMAT")},
    )
    return redirect(need)


@login_required
@require_http_methods(["GET", "POST"])
def offer_create(request):
    choices = organisations_of(request.user)
    if not choices.exists():
        raise PermissionDenied(_("Only members of an organisation may post offers."))
    offer_type = request.GET.get("typ") or request.POST.get("offer_type") or ""
    if offer_type not in OfferType.values:
        return render(request, "support/offer_type.html", {"types": OfferType.choices})
    organisation = _pick_organisation(request, choices)
    form = OfferForm(
        request.POST or None,
        offer_type=offer_type,
        initial={"municipality": organisation.municipality if organisation else None},
    )
    if request.method == "POST" and form.is_valid():
        if organisation is None:
            form.add_error(None, _("Choose the organisation this offer is from."))
        else:
            data = form.field_values()
            try:
                offer = services.create_offer(
                    organisation=organisation, user=request.user, offer_type=offer_type, **data
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Your offer is published."))
                return redirect(offer)
    return render(
        request,
        "support/offer_form.html",
        {
            "form": form,
            "organisations": choices,
            "organisation": organisation,
            "offer_type": offer_type,
            "type_label": OfferType(offer_type).label,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def offer_edit(request, pk: int):
    offer = get_object_or_404(Offer, pk=pk)
    require_perm(request.user, "support.edit_offer", offer)
    return _edit_page(
        request,
        offer,
        form_class=OfferForm,
        save=partial(services.update_offer, offer=offer),
        template="support/offer_form.html",
        context={
            "offer": offer,
            "offer_type": offer.offer_type,
            "type_label": offer.get_offer_type_display(),
        },
        offer_type=offer.offer_type,
    )


@login_required
@require_POST
def contact(request):
    """ "Get in touch": from an offer page (choosing one's need) or a need page (one's offer)."""
    need = get_object_or_404(Need, pk=_int(request.POST.get("need")))
    offer = get_object_or_404(Offer, pk=_int(request.POST.get("offer")))
    form = ContactForm(request.POST, needs=[need], offers=[offer])
    if not form.is_valid():
        messages.error(request, _("Write a message."))
        return redirect(offer)
    try:
        thread = services.get_in_touch(
            need=need, offer=offer, user=request.user, body=form.cleaned_data["body"]
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(offer)
    messages.success(request, _("Your message is sent. Replies arrive by e-mail and here."))
    if is_member(request.user, need.organisation):  # the initiative wrote: back to its need
        return redirect(need)
    return redirect(thread)


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404("bad id") from None


@login_required
@require_http_methods(["GET", "POST"])
def thread_page(request, pk: int):
    thread = get_object_or_404(
        Thread.objects.select_related("need", "offer", "need__organisation", "offer__organisation"),
        pk=pk,
    )
    require_perm(request.user, "support.see_thread", thread)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_message(thread=thread, user=request.user, body=form.cleaned_data["body"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your reply is sent."))
            return redirect(thread)
    return render(
        request,
        "support/thread.html",
        {
            "thread": thread,
            "form": form,
            "messages_list": thread.messages.select_related("sender_organisation"),
        },
    )


@require_http_methods(["GET", "POST"])
def opt_out(request, token: str):
    """Match notices off for one offer, from the link in the mail (POST: scanners change
    nothing)."""
    offer_id = tokens.read_opt_out_token(token)
    offer = Offer.objects.filter(pk=offer_id).first() if offer_id else None
    if offer is None:
        return render(request, "support/opt_out.html", {"invalid": True}, status=400)
    done = False
    if request.method == "POST":
        services.set_offer_notifications(offer=offer, enabled=False)
        done = True
    return render(request, "support/opt_out.html", {"offer": offer, "done": done})


def organisation_or_404(slug: str) -> Organisation:
    return get_object_or_404(Organisation, slug=slug)
