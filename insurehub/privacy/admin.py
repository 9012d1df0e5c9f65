"""Privacy requests are made through the API and erasures decided by an action that calls
erasure_decide; consent records are evidence, read-only."""

from django.contrib import admin

from insurehub.audit.admin import DecisionForm, ReadOnlyAdmin, form_action
from insurehub.privacy.models import ConsentRecord, PrivacyRequest
from insurehub.privacy.services import erasure_decide


@admin.register(PrivacyRequest)
class PrivacyRequestAdmin(ReadOnlyAdmin):
    list_display = ["kind", "status", "subject", "requested_by", "created_at", "completed_at"]
    list_filter = ["kind", "status"]
    list_select_related = ["subject", "requested_by"]
    actions = ["decide_erasure"]

    @admin.action(description="Approve or reject the erasure (with a note)…")
    def decide_erasure(self, request, queryset):
        return form_action(
            self,
            request,
            queryset,
            form_class=DecisionForm,
            action="decide_erasure",
            title="Decide erasure requests",
            intro="An approved erasure runs at once: what the law requires us to keep is pseudonymised, "
            "the rest deleted.",
            submit_label="Decide",
            apply=lambda privacy_request, answers: erasure_decide(
                request=privacy_request,
                approve=answers["decision"] == "approve",
                decided_by=request.user,
                note=answers["note"],
            ),
            done="Decided",
        )


@admin.register(ConsentRecord)
class ConsentRecordAdmin(ReadOnlyAdmin):
    list_display = ["user", "purpose", "granted", "source", "created_at"]
    list_filter = ["purpose", "granted"]
    list_select_related = ["user"]
