from django.contrib import admin

from mitmachkarte.core.concurrency_admin import ConflictCheckedAdmin

from .models import Message, Need, Offer, Thread


@admin.register(Need)
class NeedAdmin(ConflictCheckedAdmin):
    list_display = ["title", "need_type", "status", "organisation", "municipality", "expires_on"]
    list_filter = ["need_type", "status"]
    search_fields = ["title", "organisation__name", "municipality__name"]
    raw_id_fields = ["organisation", "municipality", "created_by"]


@admin.register(Offer)
class OfferAdmin(ConflictCheckedAdmin):
    list_display = [
        "title",
        "offer_type",
        "organisation",
        "municipality",
        "is_active",
        "updated_at",
    ]
    list_filter = ["offer_type", "is_active"]
    search_fields = ["title", "organisation__name", "municipality__name"]
    raw_id_fields = ["organisation", "municipality", "created_by"]


class MessageInline(admin.TabularInline):
    model = Message
    extra = 0
    raw_id_fields = ["sender", "sender_organisation"]


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = ["need", "offer", "started_by", "created_at"]
    raw_id_fields = ["need", "offer", "started_by"]
    inlines = [MessageInline]
