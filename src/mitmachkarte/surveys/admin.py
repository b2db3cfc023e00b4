"""Admin: complements the builder (inline editing, invitations, responses for support)."""

from django.contrib import admin

from .models import (
    Answer,
    Choice,
    Invitation,
    Question,
    Response,
    ResponseNeed,
    Section,
    Survey,
)


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0
    fields = ["position", "title_de", "title_en"]


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["title_de", "slug", "is_template", "anonymous", "opens_at", "closes_at"]
    list_filter = ["is_template", "anonymous"]
    search_fields = ["title_de", "title_en", "slug"]
    inlines = [SectionInline]
    readonly_fields = ["created_by", "created_at"]


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["key", "text_de", "type", "required", "survey"]
    list_filter = ["type", "survey"]
    search_fields = ["key", "text_de"]
    inlines = [ChoiceInline]
    raw_id_fields = ["condition_question", "section", "survey"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["survey", "organisation", "sent_at", "reminded_at", "responded"]
    list_filter = ["survey", "responded"]
    raw_id_fields = ["organisation"]
    readonly_fields = ["nonce"]


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    fields = ["question", "other_text", "number", "text"]
    readonly_fields = fields


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = [
        "pk",
        "survey",
        "status",
        "organisation",
        "municipality",
        "region",
        "submitted_at",
    ]
    list_filter = ["survey", "status", "region"]
    raw_id_fields = ["organisation", "municipality", "invitation", "category"]
    readonly_fields = ["secret"]
    inlines = [AnswerInline]


@admin.register(ResponseNeed)
class ResponseNeedAdmin(admin.ModelAdmin):
    """Needs made from survey answers ("into action"), to follow them up."""

    list_display = ["need", "need_type", "response", "created_at"]
    list_filter = ["need_type"]
    raw_id_fields = ["response", "need"]
