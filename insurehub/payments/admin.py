"""Payments in the admin: transactions, schedules, instalments, refunds and statement lines are
money records, read-only here. Refunds are decided by an action that calls refund_decide; bank
statements are uploaded here and reconciled by an action that calls bank_statement_reconcile."""

from django.contrib import admin, messages
from django.utils import timezone

from insurehub.audit.admin import (
    AuditedModelAdmin,
    DecisionForm,
    ReadOnlyAdmin,
    ReadOnlyTabularInline,
    form_action,
    refusal_message,
)
from insurehub.core.admin_search import BlindIndexSearchMixin
from insurehub.core.errors import ApplicationError
from insurehub.payments.models import (
    BankStatement,
    Instalment,
    PaymentSchedule,
    Refund,
    StatementLine,
    Transaction,
    normalised_phone_or_as_is,
)
from insurehub.payments.services import bank_statement_reconcile, refund_decide


@admin.register(Transaction)
class TransactionAdmin(BlindIndexSearchMixin, ReadOnlyAdmin):
    """The phone is sealed: a whole number (0712..., +2547..., 2547...) finds its transactions by its
    blind index, and the customer's phone finds theirs."""

    list_display = ["reference", "customer", "method", "direction", "amount", "currency", "status", "created_at"]
    list_filter = ["method", "direction", "status"]
    list_select_related = ["customer"]
    search_fields = ["reference", "provider_reference", "receipt_number", "customer__email"]
    blind_index_search = {"phone_hash": "phone", "customer__phone_hash": "phone"}

    def blind_index_term(self, purpose, term):
        return normalised_phone_or_as_is(term)


class InstalmentInline(ReadOnlyTabularInline):
    model = Instalment
    fields = ["sequence", "due_date", "amount", "status", "paid_at"]


@admin.register(PaymentSchedule)
class PaymentScheduleAdmin(ReadOnlyAdmin):
    list_display = ["policy", "plan", "total", "currency"]
    list_select_related = ["policy"]
    search_fields = ["policy__policy_number"]
    inlines = [InstalmentInline]


@admin.register(Refund)
class RefundAdmin(ReadOnlyAdmin):
    list_display = ["transaction", "amount", "status", "requested_by", "decided_by", "created_at"]
    list_filter = ["status"]
    list_select_related = ["transaction", "requested_by", "decided_by"]
    actions = ["decide"]

    @admin.action(description="Approve or reject (with a note)…")
    def decide(self, request, queryset):
        return form_action(
            self,
            request,
            queryset,
            form_class=DecisionForm,
            action="decide",
            title="Decide refunds",
            intro="An approved refund is paid out by the payments service; whoever requested a refund may "
            "not approve it too (unless an admin).",
            submit_label="Decide",
            apply=lambda refund, answers: refund_decide(
                refund=refund, approve=answers["decision"] == "approve", decided_by=request.user, note=answers["note"]
            ),
            done="Decided",
        )


@admin.register(StatementLine)
class StatementLineAdmin(ReadOnlyAdmin):
    list_display = ["bank_reference", "transaction", "amount", "created_at"]
    list_select_related = ["transaction"]
    search_fields = ["bank_reference", "transaction__reference"]


def _reconcile(statement: BankStatement, user) -> dict:
    with statement.file.open("rb") as handle:
        report = bank_statement_reconcile(content=handle.read().decode("utf-8-sig"), reconciled_by=user)
    statement.report = report
    statement.reconciled_at = timezone.now()
    statement.save(update_fields=["report", "reconciled_at", "updated_at"])
    return report


@admin.register(BankStatement)
class BankStatementAdmin(AuditedModelAdmin):
    """Uploaded here (audited); reconciling credits each bank line at most once, ever."""

    list_display = ["__str__", "uploaded_by", "reconciled_at"]
    actions = ["reconcile"]

    def get_readonly_fields(self, request, obj=None):
        return ["report", "reconciled_at", "uploaded_by"] + (["file"] if obj is not None else [])

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # the evidence behind credited transfers

    @admin.action(description="Reconcile the selected statements (credits matching transfers once)")
    def reconcile(self, request, queryset):
        for statement in queryset:
            try:
                report = _reconcile(statement, request.user)
            except ApplicationError as exc:
                self.message_user(request, f"{statement}: {refusal_message(exc)}", messages.ERROR)
                continue
            self.message_user(
                request,
                f"{statement}: matched {len(report['matched'])}, unmatched {len(report['unmatched'])}",
                messages.SUCCESS if not report["unmatched"] else messages.WARNING,
            )
