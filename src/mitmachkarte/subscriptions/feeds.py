"""Atom feeds (Django's syndication framework): the newest published initiatives and the
upcoming events, each filterable by `kommune` (slug, AGS or name) and `category` (slug,
repeatable or comma-separated). A bad value is a 400 naming the parameter.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import F, Min, Q
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from mitmachkarte.core.params import FilterError, reject_nul
from mitmachkarte.events.filters import EventFilter
from mitmachkarte.events.selectors import filter_occurrences, published_events
from mitmachkarte.initiatives.filters import InitiativeFilter
from mitmachkarte.initiatives.selectors import filter_initiatives
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.municipalities.selectors import municipality_param
from mitmachkarte.taxonomy.selectors import category_param

FEED_ITEMS = 50
FEED_MAX_AGE = 15 * 60


@dataclass(frozen=True)
class FeedFilter:
    municipality: Municipality | None = None
    categories: tuple[str, ...] = ()

    def query(self) -> str:
        parts = [f"kommune={self.municipality.slug}"] if self.municipality else []
        parts += [f"category={slug}" for slug in self.categories]
        return "&".join(parts)


def parse_feed_filter(params) -> FeedFilter:
    kommune = params.get("kommune", "")
    category = params.getlist("category")
    reject_nul({"kommune": kommune, "category": category})
    try:
        municipality = municipality_param(kommune)
    except FilterError as exc:
        raise FilterError("kommune", exc.message) from None
    return FeedFilter(municipality=municipality, categories=category_param(category))


def _scope(flt: FeedFilter) -> str:
    return f" – {flt.municipality.name}" if flt.municipality else ""


class InitiativesFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs) -> FeedFilter:
        return request.feed_filter

    def title(self, flt: FeedFilter) -> str:
        return _("New initiatives") + _scope(flt) + f" – {settings.SITE_NAME}"

    def subtitle(self, flt: FeedFilter) -> str:
        return _("The newest published initiatives for sustainability.")

    def link(self, flt: FeedFilter) -> str:
        if flt.municipality:
            return reverse("initiatives:municipality", args=[flt.municipality.slug])
        return reverse("initiatives:map")

    def feed_url(self, flt: FeedFilter) -> str:
        query = flt.query()
        return reverse("subscriptions:initiatives_feed") + (f"?{query}" if query else "")

    def items(self, flt: FeedFilter):
        qs = filter_initiatives(
            InitiativeFilter(municipality=flt.municipality, categories=flt.categories)
        )
        return (
            qs.select_related("municipality")
            .prefetch_related("categories")
            .order_by(F("published_at").desc(nulls_last=True), "-pk")[:FEED_ITEMS]
        )

    def item_title(self, item) -> str:
        place = item.municipality.name if item.municipality_id else item.city
        return f"{item.name} ({place})" if place else item.name

    def item_description(self, item) -> str:
        return item.short_description

    def item_pubdate(self, item):
        # The first publication (see Initiative.published_at); created_at only as a fallback.
        return item.published_at or item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item) -> list[str]:
        return [c.name for c in item.categories.all()]


class EventsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs) -> FeedFilter:
        return request.feed_filter

    def title(self, flt: FeedFilter) -> str:
        return _("Upcoming events") + _scope(flt) + f" – {settings.SITE_NAME}"

    def subtitle(self, flt: FeedFilter) -> str:
        return _("Regional talks, networking meetings and action days for sustainability.")

    def link(self, flt: FeedFilter) -> str:
        query = "&".join(
            ([f"municipality={flt.municipality.slug}"] if flt.municipality else [])
            + [f"category={slug}" for slug in flt.categories]
        )
        return reverse("events:list") + (f"?{query}" if query else "")

    def feed_url(self, flt: FeedFilter) -> str:
        query = flt.query()
        return reverse("subscriptions:events_feed") + (f"?{query}" if query else "")

    def items(self, flt: FeedFilter):
        now = timezone.now()
        dates = filter_occurrences(
            EventFilter(municipality=flt.municipality, categories=flt.categories), now=now
        )
        return (
            published_events()
            .filter(pk__in=dates.values("event_id"))
            .annotate(
                next_start=Min(
                    "occurrences__start",
                    filter=Q(occurrences__end__gte=now, occurrences__is_cancelled=False),
                )
            )
            .prefetch_related("categories")
            .order_by("next_start", "pk")[:FEED_ITEMS]
        )

    def item_title(self, item) -> str:
        when = date_format(timezone.localtime(item.next_start), "SHORT_DATETIME_FORMAT")
        return f"{when}: {item.title}"

    def item_description(self, item) -> str:
        place = item.address_line or item.get_format_display()
        text = item.description[:500]
        return f"{place}\n\n{text}".strip()

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item) -> list[str]:
        return [c.name for c in item.categories.all()]


def _feed_view(feed: Feed):
    def view(request):
        try:
            request.feed_filter = parse_feed_filter(request.GET)
        except FilterError as exc:
            return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")
        response = feed(request)
        patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
        return response

    return view


initiatives_feed = _feed_view(InitiativesFeed())
events_feed = _feed_view(EventsFeed())
