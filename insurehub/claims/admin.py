from django.contrib import admin

from insurehub.claims.models import Claim, ClaimCommunication, ClaimSettlement, ClaimStatusHistory, Reserve


class HistoryInline(admin.TabularInline):
    model = ClaimStatusHistory
    extra = 0
    readonly_fields = ["from_status", "to_status", "actor", "reason", "at"]


class ReserveInline(admin.TabularInline):
    model = Reserve
    extra = 0


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = [
        "claim_number",
        "status",
        "priority",
        "department",
        "customer",
        "assigned_agent",
        "assigned_assessor",
        "sla_due_at",
    ]
    list_filter = ["status", "priority", "department"]
    search_fields = ["claim_number", "customer__email", "vehicle__registration"]
    raw_id_fields = ["customer", "policy", "vehicle", "assigned_agent", "assigned_assessor"]
    inlines = [HistoryInline, ReserveInline]


@admin.register(ClaimCommunication)
class ClaimCommunicationAdmin(admin.ModelAdmin):
    list_display = ["claim", "channel", "direction", "party", "at"]
    list_filter = ["channel", "party"]
    raw_id_fields = ["claim", "author"]


@admin.register(ClaimSettlement)
class ClaimSettlementAdmin(admin.ModelAdmin):
    list_display = ["claim", "amount", "currency", "status", "payee", "method"]
    list_filter = ["status", "method"]
    raw_id_fields = ["claim", "proposed_by", "approved_by", "paid_transaction"]
