from django.contrib import admin, messages

from insurehub.payments.models import BankStatement, Instalment, PaymentSchedule, Refund, Transaction
from insurehub.payments.services import bank_statement_reconcile


@admin.register(Transaction)
class TransactionAdmin(admin.ModelAdmin):
    list_display = ["reference", "customer", "method", "direction", "amount", "currency", "status", "created_at"]
    list_filter = ["method", "direction", "status"]
    search_fields = ["reference", "provider_reference", "receipt_number", "customer__email"]
    raw_id_fields = ["customer", "policy", "instalment", "refund_of"]
    readonly_fields = ["provider_payloads"]


class InstalmentInline(admin.TabularInline):
    model = Instalment
    extra = 0


@admin.register(PaymentSchedule)
class PaymentScheduleAdmin(admin.ModelAdmin):
    list_display = ["policy", "plan", "total", "currency"]
    inlines = [InstalmentInline]
    raw_id_fields = ["policy"]


@admin.register(Refund)
class RefundAdmin(admin.ModelAdmin):
    list_display = ["transaction", "amount", "status", "requested_by", "decided_by", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["transaction", "payout", "requested_by", "decided_by"]


@admin.action(description="Reconcile the selected statements (credits matching transfers once)")
def reconcile(modeladmin, request, queryset):
    from django.utils import timezone

    for statement in queryset:
        with statement.file.open("rb") as handle:
            report = bank_statement_reconcile(content=handle.read().decode("utf-8-sig"), reconciled_by=request.user)
        statement.report = report
        statement.reconciled_at = timezone.now()
        statement.save(update_fields=["report", "reconciled_at", "updated_at"])
        modeladmin.message_user(
            request,
            f"{statement}: matched {len(report['matched'])}, unmatched {len(report['unmatched'])}",
            messages.SUCCESS if not report["unmatched"] else messages.WARNING,
        )


@admin.register(BankStatement)
class BankStatementAdmin(admin.ModelAdmin):
    list_display = ["__str__", "uploaded_by", "reconciled_at"]
    actions = [reconcile]
    readonly_fields = ["report", "reconciled_at"]
