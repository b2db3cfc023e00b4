from django.contrib import admin

from .models import Decision, ProblemReport, Proposal


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["initiative", "proposer_name", "created_at", "revision"]
    search_fields = ["initiative__name", "proposer_name", "proposer_email"]
    raw_id_fields = ["initiative"]
    readonly_fields = ["ip_hash", "created_at"]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    """The log is written by the moderation services; the admin only reads it."""

    list_display = ["created_at", "initiative", "action", "moderator"]
    list_filter = ["action"]
    search_fields = ["initiative__name", "reason"]
    raw_id_fields = ["initiative", "moderator"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ProblemReport)
class ProblemReportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "initiative", "kind", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["initiative__name", "message"]
    raw_id_fields = ["initiative", "resolved_by"]
