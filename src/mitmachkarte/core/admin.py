"""Operations in the admin: the runs of periodic jobs, and the task queue with its mails."""

import django_tasks_db.admin  # registers DBTaskResult first, so it can be replaced here
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from . import mail_delivery
from .models import JobRun


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    list_display = ["name", "slot", "started_at", "finished_at", "ok", "error"]
    list_filter = ["ok", "name"]
    readonly_fields = [f.name for f in JobRun._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(django_tasks_db.admin.DBTaskResultAdmin):
    """django-tasks-db's list, filterable by task, with recipient and subject of mails."""

    list_display = (
        "task_name",
        "mail",
        "status",
        "enqueued_at",
        "display_run_after",
        "finished_at",
    )
    list_filter = ("status", "task_path", "queue_name")
    actions = ["retry_failed_mails"]

    @admin.display(description=_("Mail"))
    def mail(self, obj: DBTaskResult) -> str:
        if obj.task_path != mail_delivery.deliver_mail.module_path:
            return ""
        message, *rest = obj.args_kwargs.get("args") or [{}]
        attempt = rest[0] if rest else 1
        return f"{message.get('to', '')}: {message.get('subject', '')} ({attempt})"

    @admin.action(description=_("Queue every failed mail again"), permissions=["view"])
    def retry_failed_mails(self, request, queryset):
        count = mail_delivery.retry_failed()
        self.message_user(
            request, _("%(count)s failed mails queued again.") % {"count": count}, messages.SUCCESS
        )
