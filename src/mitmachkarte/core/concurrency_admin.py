"""The admin's change forms with the version check of core.concurrency.

The admin cannot merge (its widgets differ per field), so a stale save is refused with
the other side's changes listed at the top; the typed values stay, and saving again —
now with the current version — replaces the listed changes deliberately.
"""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from . import concurrency, conflict_notice

ADMIN_FIELD = "_version"  # not "version": a model may have a field of that name


def _messages(conflict: concurrency.ConflictError, form) -> list[str]:
    if conflict.base is None:
        return [*conflict.messages, _("Saving again saves the values shown.")]
    show = conflict_notice.model_display(form._meta.model)
    labels = concurrency.form_labels(form)
    lines = [
        _("Someone else has saved changes in the meantime. Nothing of yours has been saved yet.")
    ]
    if conflict.changed_by:
        lines.append(_("Changed by %(who)s.") % {"who": ", ".join(conflict.changed_by)})
    if conflict.changed_at:
        when = date_format(localtime(conflict.changed_at), "SHORT_DATETIME_FORMAT")
        lines.append(_("Changed on %(when)s.") % {"when": when})
    for change in conflict.changes:
        lines.append(
            f"{labels.get(change.field, change.field)}: "
            f"„{show(change.field, change.old)}“ → „{show(change.field, change.new)}“"
        )
    lines.append(_("If you save again, your values replace these changes."))
    return lines


class ConflictCheckedAdmin(admin.ModelAdmin):
    """Mixin: a change form saved after someone else saved the object is refused."""

    change_form_template = "core/admin/change_form_versioned.html"

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        if obj is None:
            return form_class

        def clean(form):
            data = super(checked, form).clean()
            form.version_token = request.POST.get(ADMIN_FIELD, "")
            fields = concurrency.form_model_fields(form)
            # changeform_view runs a POST in one transaction: the lock lasts until saved.
            locked = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
            try:
                concurrency.check_model(locked, form.version_token, covering=fields)
            except concurrency.ConflictError as conflict:
                form.version_token = conflict.token
                raise ValidationError(_messages(conflict, form), code="conflict") from None
            return data

        checked = type(form_class.__name__, (form_class,), {"clean": clean})
        return checked

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk and "adminform" in context:
            form = context["adminform"].form
            context["version_token"] = getattr(
                form, "version_token", None
            ) or concurrency.initial_version(form)
            context["version_field"] = ADMIN_FIELD
        return super().render_change_form(request, context, add, change, form_url, obj)
