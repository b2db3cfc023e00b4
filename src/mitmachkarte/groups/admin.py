from django.contrib import admin

from mitmachkarte.core.concurrency_admin import ConflictCheckedAdmin

from .models import (
    ActionItem,
    Cooperation,
    GroupMember,
    Invitation,
    JoinRequest,
    Meeting,
    MeetingSeries,
    WorkingGroup,
)


class MemberInline(admin.TabularInline):
    model = GroupMember
    extra = 0
    autocomplete_fields = ["user", "organisation"]


class SeriesInline(admin.TabularInline):
    model = MeetingSeries
    extra = 0
    autocomplete_fields = ["event"]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(ConflictCheckedAdmin):
    list_display = ["name", "municipality", "region", "visibility"]
    list_filter = ["visibility"]
    search_fields = ["name", "region", "municipality__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["municipality", "organisations"]
    filter_horizontal = ["sdgs"]
    inlines = [MemberInline, SeriesInline]


class ActionItemInline(admin.TabularInline):
    model = ActionItem
    extra = 0
    autocomplete_fields = ["owner"]
    readonly_fields = ["reminder_sent_at"]


@admin.register(Meeting)
class MeetingAdmin(ConflictCheckedAdmin):
    list_display = ["group", "start", "minutes_sent_at"]
    list_filter = ["group"]
    readonly_fields = ["occurrence", "minutes_sent_at"]
    inlines = [ActionItemInline]


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ["group", "user", "status", "created_at"]
    list_filter = ["status"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["group", "email", "created_at", "accepted_at"]


@admin.register(Cooperation)
class CooperationAdmin(ConflictCheckedAdmin):
    list_display = ["partner", "initiative_organisation", "type", "since", "until", "status"]
    list_filter = ["type", "status"]
    search_fields = ["partner__name", "initiative_organisation__name", "municipality__name"]
    autocomplete_fields = [
        "partner",
        "initiative_organisation",
        "municipality",
        "working_group",
        "recorded_for",
    ]
    readonly_fields = ["recorded_by", "confirmed_by", "confirmed_at"]
