from django.contrib import admin

from .models import Claim, FreshnessReminder, Suggestion


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    list_display = ["initiative", "author", "status", "created_at", "decided_by"]
    list_filter = ["status"]
    search_fields = ["initiative__name"]
    raw_id_fields = ["initiative", "author", "decided_by"]


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["initiative", "user", "requested_at", "used_at"]
    raw_id_fields = ["initiative", "user"]


@admin.register(FreshnessReminder)
class FreshnessReminderAdmin(admin.ModelAdmin):
    list_display = ["initiative", "year", "sent_at", "recipients", "to_contact"]
    list_filter = ["year", "to_contact"]
    raw_id_fields = ["initiative"]
