from django.contrib import admin, messages
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.concurrency_admin import ConflictCheckedAdmin
from mitmachkarte.core.links import absolute

from . import organiser_links, registrations, services
from .models import Campaign, Event, EventStatus, Occurrence, Registration


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "starts_on", "ends_on", "submissions_open"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


class OccurrenceInline(admin.TabularInline):
    model = Occurrence
    fields = ["start", "end", "is_cancelled"]
    readonly_fields = ["start", "end", "is_cancelled"]
    extra = 0
    max_num = 0
    can_delete = False
    show_change_link = True


@admin.register(Event)
class EventAdmin(ConflictCheckedAdmin):
    list_display = [
        "title",
        "event_type",
        "start",
        "format",
        "status",
        "campaign",
        "organiser_name",
    ]
    list_filter = ["status", "event_type", "format", "campaign", "registration_enabled"]
    search_fields = ["title", "slug", "city", "organiser_name", "organiser_email"]
    autocomplete_fields = [
        "municipalities",
        "organiser_initiative",
        "organisation",
        "co_organisers",
    ]
    filter_horizontal = ["categories", "sdgs"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["organiser_link", "created_at", "updated_at"]
    date_hierarchy = "start"
    list_select_related = ["campaign"]
    inlines = [OccurrenceInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = ["approve", "reject", "send_organiser_link", "renew_organiser_link"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "event_type", "status", "campaign", "description"]}),
        (_("Time"), {"fields": ["start", "end", "recurrence"]}),
        (
            _("Place"),
            {
                "fields": [
                    "format",
                    "venue_name",
                    "street",
                    "postcode",
                    "city",
                    "latitude",
                    "longitude",
                    "online_url",
                ]
            },
        ),
        (
            _("Organiser"),
            {
                "fields": [
                    "organiser_name",
                    "organiser_url",
                    "organiser_initiative",
                    "organiser_email",
                    "organiser_link",
                ]
            },
        ),
        (_("Organisations"), {"fields": ["organisation", "co_organisers"]}),
        (_("Topics and places"), {"fields": ["municipalities", "categories", "sdgs"]}),
        (
            _("Registration"),
            {
                "fields": [
                    "registration_enabled",
                    "registration_deadline",
                    "capacity",
                    "waiting_list",
                ]
            },
        ),
        (None, {"fields": ["created_at", "updated_at"]}),
    ]

    @admin.display(description=_("organiser link (secret)"))
    def organiser_link(self, obj):
        # Only a digest is stored: the link itself is shown once, by the renew action.
        until = organiser_links.expires_at(obj) if obj.pk else None
        if until is None:
            return _("none issued yet (use the action “Renew the organiser link”)")
        if until <= timezone.now():
            return _("expired on %(date)s") % {"date": date_format(localtime(until))}
        return _("valid until %(date)s") % {"date": date_format(localtime(until))}

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not form.instance.municipalities.exists():  # the municipality at the venue
            services.derive_municipalities(event=form.instance)
        services.sync_occurrences(event=form.instance)
        moved = registrations.fill_from_waiting_list(event=form.instance)
        if moved:
            self.message_user(
                request, _("%(n)s people moved up from the waiting list.") % {"n": moved}
            )

    @admin.action(description=_("Approve and publish (mails the organiser link)"))
    def approve(self, request, queryset):
        for event in queryset.exclude(status=EventStatus.PUBLISHED):
            services.publish_event(event=event)
        self.message_user(request, _("Published."), messages.SUCCESS)

    @admin.action(description=_("Reject"))
    def reject(self, request, queryset):
        for event in queryset:
            services.reject_event(event=event)

    @admin.action(description=_("Mail a new organiser link (the old one stops working)"))
    def send_organiser_link(self, request, queryset):
        events = list(queryset.exclude(organiser_email=""))
        for event in events:
            organiser_links.renew(event=event, notify=True)
        self.message_user(
            request, _("%(n)s organiser links renewed and mailed.") % {"n": len(events)}
        )

    @admin.action(
        description=_("Renew the organiser link and show it once (the old one stops working)")
    )
    def renew_organiser_link(self, request, queryset):
        links = [
            (event.title, absolute(reverse("events:organiser", args=[token])))
            for event in queryset
            for token in [organiser_links.renew(event=event)]
        ]
        self.message_user(
            request,
            format_html(
                "{}<ul>{}</ul>",
                _("New organiser links (shown only now; pass them on securely):"),
                format_html_join(
                    "", '<li>{}: <a href="{}">{}</a></li>', ((t, u, u) for t, u in links)
                ),
            ),
            messages.WARNING,
        )


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "occurrence", "status", "created_at", "reminder_sent_at"]
    list_filter = ["status"]
    search_fields = ["name", "email", "occurrence__event__title"]
    raw_id_fields = ["occurrence"]
    list_select_related = ["occurrence__event"]


@admin.register(Occurrence)
class OccurrenceAdmin(admin.ModelAdmin):
    list_display = ["event", "start", "end", "is_cancelled"]
    list_filter = ["is_cancelled"]
    search_fields = ["event__title"]
    raw_id_fields = ["event"]
    date_hierarchy = "start"
