"""The audit log in the admin, and the bases every app's admin builds on.

The admin is not a back door around the services: workflow state, money and history are
read-only there. What an admin may change is saved through the app's service where one exists
(its checks and its audit entry), and every write made in the admin also leaves an
`admin.added|changed|deleted` audit entry in the same transaction. State changes (a claim's
status, a refund's decision, ...) are admin actions that ask their questions on a page of their
own and then call the service once per object. History rows (status history, reserve changes,
audit entries, outbox events) are shown and never added, changed or deleted.
"""

import json
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

from insurehub.audit.models import AuditEvent
from insurehub.audit.sealing import unseal_changes
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


def apply_each(modeladmin: admin.ModelAdmin, request, objects: list, apply: Callable[[Any], Any], *, done: str) -> None:
    """Call a service for each object (each its own transaction): refusals are reported one by
    one and leave the others done."""
    succeeded = []
    for obj in objects:
        try:
            apply(obj)
        except (ApplicationError, ValidationError) as exc:
            modeladmin.message_user(request, f"{obj}: {refusal_message(exc)}", messages.ERROR)
        else:
            succeeded.append(str(obj))
    if succeeded:
        modeladmin.message_user(request, f"{done}: {', '.join(succeeded)}.", messages.SUCCESS)


def form_action(
    modeladmin: admin.ModelAdmin,
    request,
    queryset,
    *,
    form_class: type[forms.Form],
    action: str,
    title: str,
    submit_label: str,
    apply: Callable[[Any, dict], Any],
    done: str,
    intro: str = "",
):
    """An admin action that asks first (e.g. a reason), then calls `apply(obj, answers)` per object."""
    objects = list(queryset)
    form = form_class(request.POST if "apply" in request.POST else None)
    if form.is_bound and form.is_valid():
        apply_each(modeladmin, request, objects, lambda obj: apply(obj, form.cleaned_data), done=done)
        return HttpResponseRedirect(request.get_full_path())
    return action_form_page(
        modeladmin,
        request,
        objects=objects,
        form=form,
        title=title,
        intro=intro,
        submit_label=submit_label,
        action=action,
        cancel_url=request.get_full_path(),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Recorded with the change and in the audit log.",
    )

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Give a reason.")
        return reason


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", "Approve"), ("reject", "Reject")], widget=forms.RadioSelect)
    note = forms.CharField(max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3, "cols": 60}))


class AuditedModelAdmin(admin.ModelAdmin):
    """A model admin whose writes leave an audit entry (in the transaction of the write), and
    whose service refusals come back as a message on the same page, nothing saved, instead of
    an error page."""

    # A web address typed without a scheme is https (Django 6's default; no deprecation warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def _audit(self, request, obj, verb: str, message) -> None:
        audit_record(
            actor=request.user,
            action=f"admin.{verb}",
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


class ServiceModelAdmin(AuditedModelAdmin):
    """Edits saved through the app's service: only `editable_fields` (the service's whitelist)
    are inputs, everything else is read-only; `update` calls the service with what changed.
    With `remove` defined, deleting one object calls the app's delete service (never in bulk)."""

    editable_fields: list[str] = []

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return list(self.readonly_fields)  # an addition: the model form and the model's checks
        shown = [f.name for f in self.model._meta.fields if f.editable or f.name in ("created_at", "updated_at")]
        extra = [name for name in self.readonly_fields if name not in shown]
        return [name for name in shown if name not in self.editable_fields and name != "id"] + extra

    def update(self, request, obj, data: dict) -> None:
        raise NotImplementedError

    def remove(self, request, obj) -> None:
        raise NotImplementedError

    def has_delete_permission(self, request, obj=None) -> bool:
        return type(self).remove is not ServiceModelAdmin.remove and super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)  # an addition: the model's own checks, audited above
            return
        data = form_changes(form, self.editable_fields)
        if data:
            self.update(request, fresh(obj), data)

    def delete_model(self, request, obj):
        self.remove(request, obj)


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
        return list(self.fields) if self.fields else [f.name for f in self.model._meta.fields if f.name != "id"]

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
    ordering = ["-id"]
    # `changes` is shown unsealed (sealing.py); the stored, hashed form is what the chain checks.
    readonly_fields = (
        "sequence",
        "at",
        "actor",
        "action",
        "object_type",
        "object_id",
        "recorded_changes",
        "ip",
        "user_agent",
        "request_id",
        "prev_hash",
        "hash",
    )
    fields = readonly_fields

    @admin.display(description="changes")
    def recorded_changes(self, obj: AuditEvent) -> str:
        return json.dumps(unseal_changes(obj.changes), indent=2, sort_keys=True, cls=DjangoJSONEncoder)
