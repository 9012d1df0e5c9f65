"""The audit log in the admin, and the bases every app's admin builds on.

The admin is not a back door around the services: workflow state, money and history are
read-only there; what an admin may change is either saved through the app's service (which
audits it) or, for plain reference data, audited here in the same transaction as the save.
History rows (status history, reserve changes, audit entries, outbox events) are shown and
never added, changed or deleted.
"""

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

from insurehub.audit.models import AuditEvent
from insurehub.audit.services import audit_record
from insurehub.core.errors import ApplicationError


def refusal_message(exc: Exception) -> str:
    """What a service's refusal says, in one line for an admin message."""
    if isinstance(exc, ApplicationError):
        return exc.message
    if isinstance(exc, ValidationError):
        if hasattr(exc, "message_dict"):
            return "; ".join(f"{field}: {' '.join(texts)}" for field, texts in exc.message_dict.items())
        return " ".join(exc.messages)
    return str(exc)


def form_changes(form, fields: list[str] | None = None) -> dict[str, Any]:
    """The values an admin changed in `form` (only `fields`, when given): the `data` for a service."""
    return {
        name: form.cleaned_data[name]
        for name in form.changed_data
        if name in form.cleaned_data and (fields is None or name in fields)
    }


def fresh(obj: models.Model) -> models.Model:
    """The row as stored: the admin's form has already written its values onto `obj`, and a
    service must compare against what is in the database."""
    return type(obj)._default_manager.get(pk=obj.pk)


def action_form_page(
    modeladmin: admin.ModelAdmin,
    request,
    *,
    objects: list,
    form,
    title: str,
    submit_label: str,
    cancel_url: str,
    action: str = "",
    intro: str = "",
) -> TemplateResponse:
    """The page an admin action asks its questions on (an action's intermediate page when
    `action` names it, else a per-object view's page)."""
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": modeladmin.model._meta,
        "title": title,
        "intro": intro,
        "objects": objects,
        "form": form,
        "action": action,
        "submit_label": submit_label,
        "cancel_url": cancel_url,
    }
    return TemplateResponse(request, "admin/insurehub/action_form.html", context)


class AuditedModelAdmin(admin.ModelAdmin):
    """A model admin whose writes leave an audit entry, and whose service refusals come back
    as a message on the same page (nothing saved) instead of an error page.

    Admins that save through a service (which audits) set `audit_admin_writes = False`, so
    one change is not recorded twice."""

    audit_admin_writes = True

    def _audit(self, request, obj, action: str, message) -> None:
        if self.audit_admin_writes:
            audit_record(
                actor=request.user,
                action=f"admin.{action}",
                target=obj,
                changes={"message": message if isinstance(message, str | list) else str(message)},
            )

    def log_addition(self, request, obj, message):
        self._audit(request, obj, "added", message)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        self._audit(request, obj, "changed", message)
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            self._audit(request, obj, "deleted", str(obj))
        return super().log_deletions(request, queryset)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except (ApplicationError, ValidationError) as exc:  # the transaction was rolled back
            self.message_user(request, f"Not saved: {refusal_message(exc)}", messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except (ApplicationError, ValidationError) as exc:
            self.message_user(request, f"Not deleted: {refusal_message(exc)}", messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


class ReadOnlyAdmin(AuditedModelAdmin):
    """Rows only the services write: shown, never added, changed or deleted here (and no bulk delete)."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


class ReadOnlyTabularInline(admin.TabularInline):
    """History or money rows shown under their parent, never edited there."""

    extra = 0
    can_delete = False
    show_change_link = False

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields if f.name != "id"] if not self.fields else list(self.fields)

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["sequence", "at", "action", "actor_id", "object_type", "object_id", "ip"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_id", "request_id", "action"]
    ordering = ["-sequence"]
