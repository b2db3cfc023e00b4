from django.contrib import admin

from .models import Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = [
        "email",
        "municipality",
        "frequency",
        "created_at",
        "confirmed_at",
        "last_sent_at",
        "last_digest_week",
    ]
    list_filter = ["frequency", ("confirmed_at", admin.EmptyFieldListFilter)]
    search_fields = ["email", "municipality__name"]
    raw_id_fields = ["municipality"]
    filter_horizontal = ["categories", "sdgs"]
    readonly_fields = [
        "created_at",
        "confirmed_at",
        "last_sent_at",
        "last_digest_week",
        "consent_text",
        "language",
    ]
