from django.contrib import admin

from .models import Membership, Organisation


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "municipality", "initiative"]
    list_filter = ["type"]
    search_fields = ["name", "slug", "municipality__name", "initiative__name"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["initiative", "municipality"]
    autocomplete_fields = ["served_municipalities"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role", "organisation__type"]
    search_fields = ["user__email", "organisation__name"]
    raw_id_fields = ["user", "organisation"]
