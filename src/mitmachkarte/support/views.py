"""Public pages of the support exchange: overview, needs, offers, finders, permit guides."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from mitmachkarte.core import concurrency
from mitmachkarte.core.params import parse_id, parse_leniently, value_or_default
from mitmachkarte.core.permissions import has_perm
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.organisations.models import OrganisationType
from mitmachkarte.organisations.selectors import organisations_of

from . import selectors
from .filters import need_filters, offer_filters
from .forms import ContactForm
from .models import Need, NeedType, Offer, OfferType, PermitTopic
from .rules import is_member

PAGE_SIZE = 20


def _raw(request, keys, lists=("type",)) -> dict:
    return {
        k: (request.GET.getlist(k) if k in lists else request.GET.get(k))
        for k in keys
        if k in request.GET
    }


@require_GET
def overview(request):
    mine = organisations_of(request.user)
    return render(
        request,
        "support/overview.html",
        {
            "needs": selectors.filter_needs()[:6],
            "offers": selectors.filter_offers()[:6],
            "my_needs": selectors.needs_of(mine) if mine else [],
            "my_offers": selectors.offers_of(mine) if mine else [],
            "threads": selectors.threads_for(mine)[:20] if mine else [],
            "can_post_need": mine.filter(type=OrganisationType.INITIATIVE).exists(),
            "can_post_offer": mine.exists(),
            "workspaces": mine.filter(
                type=OrganisationType.MUNICIPALITY, municipality__isnull=False
            ),
        },
    )


def _list_page(request, *, keys, parse, select, types, template: str):
    """A finder page: lenient filters (a bad one is named, the rest apply), paged results."""
    flt, errors = parse_leniently(parse, _raw(request, keys))
    page = Paginator(select(**flt), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        template,
        {
            "page": page,
            "errors": errors,
            "types": types,
            "selected_types": set(flt["types"]),
            "municipality": flt["municipality"],
        },
    )


@require_GET
def need_list(request):
    return _list_page(
        request,
        keys=("type", "municipality", "bbox"),
        parse=need_filters,
        select=selectors.filter_needs,
        types=NeedType.choices,
        template="support/need_list.html",
    )


@require_GET
def need_detail(request, pk: int):
    need = get_object_or_404(
        Need.objects.select_related("organisation", "organisation__initiative", "municipality"),
        pk=pk,
    )
    can_edit = has_perm(request.user, "support.edit_need", need)
    if not (need.is_active or can_edit):
        # Solved, withdrawn or expired needs stay visible to their organisation only.
        return render(request, "support/gone.html", {"need": need}, status=410)
    matches = selectors.matching_offers(need) if need.is_active else []
    # Members of an offering organisation may write to the initiative from here.
    own_offers = [m.item for m in matches if is_member(request.user, m.item.organisation)]
    return render(
        request,
        "support/need_detail.html",
        {
            "need": need,
            "matches": matches,
            "can_edit": can_edit,
            "threads": need.threads.select_related("offer", "offer__organisation")
            if can_edit
            else [],
            "contact_form": ContactForm(offers=own_offers, initial={"need": need.pk})
            if own_offers and need.is_active
            else None,
            "statuses": Need._meta.get_field("status").choices,
            # The status form says which status it changes (core.concurrency).
            "status_version": concurrency.version_of(need, ["status"]) if can_edit else "",
        },
    )


@require_GET
def offer_list(request):
    return _list_page(
        request,
        keys=("type", "municipality", "bbox", "topic"),
        parse=offer_filters,
        select=selectors.filter_offers,
        types=OfferType.choices,
        template="support/offer_list.html",
    )


@require_GET
def offer_detail(request, pk: int):
    offer = get_object_or_404(Offer.objects.select_related("organisation", "municipality"), pk=pk)
    can_edit = has_perm(request.user, "support.edit_offer", offer)
    if not offer.is_active and not can_edit:
        return render(request, "support/gone.html", {"offer": offer}, status=410)
    fitting = selectors.need_types_for(offer.offer_type)
    own_needs = [
        n
        for n in selectors.needs_of(
            organisations_of(request.user).filter(type=OrganisationType.INITIATIVE)
        )
        if n.is_active and n.need_type in fitting
    ]
    chosen = value_or_default(parse_id, "bedarf", request.GET.get("bedarf"))
    return render(
        request,
        "support/offer_detail.html",
        {
            "offer": offer,
            "can_edit": can_edit,
            "matches": selectors.matching_needs(offer) if offer.is_active else [],
            "contact_form": ContactForm(needs=own_needs, initial={"need": chosen})
            if own_needs
            else None,
            "login_url": reverse("account_login") + "?next=" + request.get_full_path(),
            "threads": offer.threads.select_related("need") if can_edit else [],
        },
    )


def _finder(request, *, offer_type: str, template: str, keys, extra=None):
    flt, errors = parse_leniently(offer_filters, _raw(request, keys))
    flt["types"] = (offer_type,)
    municipality = flt.pop("municipality")
    qs = selectors.filter_offers(**flt)
    if municipality is not None:
        items = [m.item for m in selectors.offers_near(municipality, qs)]
    else:
        items = qs
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query["type"] = offer_type
    return render(
        request,
        template,
        {
            "page": page,
            "errors": errors,
            "municipality": municipality,
            "filters": flt,
            "geojson_url": reverse("api:offers_geojson") + "?" + query.urlencode(),
            **(extra or {}),
        },
    )


@require_GET
def room_finder(request):
    return _finder(
        request,
        offer_type=OfferType.ROOM,
        template="support/rooms.html",
        keys=("municipality", "bbox", "capacity_min", "step_free"),
    )


@require_GET
def funding_finder(request):
    return _finder(
        request,
        offer_type=OfferType.FUNDING,
        template="support/funding.html",
        keys=("municipality", "bbox", "amount"),
    )


@require_GET
def permit_guides(request, slug: str):
    municipality = get_object_or_404(Municipality, slug=slug)
    guides = selectors.permit_guides(municipality)
    return render(
        request,
        "support/permits.html",
        {"municipality": municipality, "guides": guides, "topics": PermitTopic.choices},
    )
