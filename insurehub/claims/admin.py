"""Claims in the admin. The status, assignments and amounts are read-only: they change through
the actions "Change status…" and "Assign…", which call claim_transition and claim_assign (their
guards, history, audit entry, rollups and events), one claim at a time; the incident details
are saved through claim_update. History, assignments and reserve changes are never edited or
deleted here."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html

from insurehub.audit.admin import (
    ReadOnlyAdmin,
    ReadOnlyTabularInline,
    ServiceModelAdmin,
    action_form_page,
    apply_each,
)
from insurehub.claims import workflow
from insurehub.claims.models import (
    Claim,
    ClaimAssignment,
    ClaimCommunication,
    ClaimSettlement,
    ClaimStatus,
    ClaimStatusHistory,
    Reserve,
    ReserveChange,
)
from insurehub.claims.services import STAFF_EDITABLE, claim_assign, claim_transition, claim_update
from insurehub.core.admin_search import BlindIndexSearchMixin
from insurehub.core.roles import Role
from insurehub.users.models import User
from insurehub.vehicles.models import normalise_registration

# What the claim form may change (through claim_update); amounts are not among them.
ADMIN_EDITABLE = [field for field in STAFF_EDITABLE if field != "estimated_cost"]


class ClaimTransitionForm(forms.Form):
    to_status = forms.ChoiceField(label="New status")
    reason = forms.CharField(
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Recorded in the claim's status history and the audit log.",
    )
    approved_amount = forms.DecimalField(
        required=False, max_digits=14, decimal_places=2, min_value=0, help_text="Needed to approve a claim."
    )

    def __init__(self, *args, choices: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = choices

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Say why the status changes.")
        return reason


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user: User) -> str:
        level = f", level {user.certification_level}" if user.role == Role.ASSESSOR else ""
        return f"{user.email} ({user.get_role_display()}, {user.get_department_display()}{level})"


class ClaimAssignForm(forms.Form):
    agent = StaffChoiceField(
        queryset=User.objects.filter(is_active=True, role__in=(Role.AGENT, Role.SUPERVISOR)).order_by(
            "department", "email"
        ),
        required=False,
        empty_label="(leave as it is)",
    )
    assessor = StaffChoiceField(
        queryset=User.objects.filter(is_active=True, role=Role.ASSESSOR).order_by("department", "email"),
        required=False,
        empty_label="(leave as it is)",
    )
    auto_assessor = forms.BooleanField(
        required=False, label="Least-loaded assessor", help_text="Pick the least-loaded qualified assessor instead."
    )
    reason = forms.CharField(max_length=300, required=False, help_text="Recorded with the assignment.")

    def clean(self):
        data = super().clean()
        if data.get("assessor") and data.get("auto_assessor"):
            raise forms.ValidationError("Choose an assessor or the least-loaded one, not both.")
        if not (data.get("agent") or data.get("assessor") or data.get("auto_assessor")):
            raise forms.ValidationError("Choose an agent, an assessor, or the least-loaded assessor.")
        return data


class HistoryInline(ReadOnlyTabularInline):
    model = ClaimStatusHistory
    fields = ["from_status", "to_status", "actor", "reason", "at"]


class AssignmentInline(ReadOnlyTabularInline):
    model = ClaimAssignment
    fk_name = "claim"
    fields = ["role", "user", "previous_user", "assigned_by", "automatic", "reason", "at"]


class ReserveInline(ReadOnlyTabularInline):
    model = Reserve
    fields = ["cost_type", "amount", "paid", "currency", "closed_at"]


@admin.register(Claim)
class ClaimAdmin(BlindIndexSearchMixin, ServiceModelAdmin):
    editable_fields = ADMIN_EDITABLE
    readonly_fields = ["workflow"]
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
    list_select_related = ["customer", "assigned_agent", "assigned_assessor"]
    search_fields = ["claim_number", "customer__email"]
    # Sealed: a whole registration (any case, spaces or dashes) or the customer's whole phone number.
    blind_index_search = {"vehicle__registration_hash": "registration", "customer__phone_hash": "phone"}

    def blind_index_term(self, purpose, term):
        return normalise_registration(term) if purpose == "registration" else term

    actions = ["change_status", "assign"]
    inlines = [HistoryInline, AssignmentInline, ReserveInline]
    fieldsets = [
        (
            None,
            {
                "fields": ["claim_number", "status", "workflow", "priority", "department"],
                "description": "The status, assignments and amounts change only through the actions "
                "(Change status…, Assign…), which record the history and the audit entry and keep the "
                "dashboard in step.",
            },
        ),
        ("Parties", {"fields": ["customer", "policy", "vehicle", "assigned_agent", "assigned_assessor"]}),
        (
            "Incident",
            {
                "fields": [
                    "incident_date",
                    "incident_address",
                    "incident_latitude",
                    "incident_longitude",
                    "description",
                    "injury",
                    "total_loss_hint",
                    "police_report_number",
                    "third_party_involved",
                ]
            },
        ),
        ("Money", {"fields": ["estimated_cost", "approved_amount", "currency"]}),
        (
            "Dates",
            {
                "fields": [
                    "sla_due_at",
                    "submitted_at",
                    "assessment_completed_at",
                    "settled_at",
                    "closed_at",
                    "last_activity_at",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    def has_add_permission(self, request) -> bool:
        return False  # filed through the API (claim_create: its checks, number, SLA, flags)

    def update(self, request, obj, data):
        claim_update(claim=obj, data=data, updated_by=request.user)

    @admin.display(description="Workflow")
    def workflow(self, obj: Claim):
        if obj.pk is None:
            return "-"
        allowed = workflow.allowed_for(obj.status)
        return format_html(
            '<a class="button" href="{}">Change status…</a> <a class="button" href="{}">Assign…</a>'
            "<div class='help'>Next: {}</div>",
            reverse("admin:claims_claim_transition", args=[obj.pk]),
            reverse("admin:claims_claim_assign", args=[obj.pk]),
            ", ".join(ClaimStatus(s).label for s in allowed) or "none (final)",
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/transition/", view(self.transition_view), name="claims_claim_transition"),
            path("<path:object_id>/assign/", view(self.assign_view), name="claims_claim_assign"),
            *super().get_urls(),
        ]

    # --- change of status ---------------------------------------------------------------

    def _status_choices(self, claims: list[Claim], user) -> list[tuple[str, str]]:
        targets = {to for claim in claims for to in workflow.allowed_for(claim.status, user.role)}
        return [(value, label) for value, label in ClaimStatus.choices if value in targets]

    def _transition_page(self, request, claims: list[Claim], *, action: str, done_url: str):
        choices = self._status_choices(claims, request.user)
        if not choices:
            self.message_user(request, "None of these claims can change status.", messages.WARNING)
            return HttpResponseRedirect(done_url)
        form = ClaimTransitionForm(request.POST if "apply" in request.POST else None, choices=choices)
        if form.is_bound and form.is_valid():
            self._transition(request, claims, **form.cleaned_data)
            return HttpResponseRedirect(done_url)
        return action_form_page(
            self,
            request,
            objects=claims,
            form=form,
            title="Change the status of claims" if len(claims) > 1 else f"Change the status of {claims[0]}",
            intro="Each claim is moved by the claims service: its guards apply, and the move is recorded in "
            "the claim's history and the audit log.",
            submit_label="Change status",
            action=action,
            cancel_url=done_url,
        )

    def _transition(self, request, claims: list[Claim], *, to_status: str, reason: str, approved_amount) -> None:
        apply_each(
            self,
            request,
            claims,
            lambda claim: claim_transition(
                claim=claim, to_status=to_status, actor=request.user, reason=reason, approved_amount=approved_amount
            ),
            done=f"Now {ClaimStatus(to_status).label.lower()}",
        )

    @admin.action(description="Change status (with a reason)…", permissions=["change"])
    def change_status(self, request, queryset):
        return self._transition_page(request, list(queryset), action="change_status", done_url=request.get_full_path())

    def transition_view(self, request, object_id):
        claim = get_object_or_404(Claim, pk=object_id)
        if not self.has_change_permission(request, claim):
            raise PermissionDenied
        done = reverse("admin:claims_claim_change", args=[claim.pk])
        return self._transition_page(request, [claim], action="", done_url=done)

    # --- assignment ---------------------------------------------------------------------

    def _assign_page(self, request, claims: list[Claim], *, action: str, done_url: str):
        form = ClaimAssignForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            self._assign(request, claims, **form.cleaned_data)
            return HttpResponseRedirect(done_url)
        return action_form_page(
            self,
            request,
            objects=claims,
            form=form,
            title="Assign claims" if len(claims) > 1 else f"Assign {claims[0]}",
            intro="Each claim is assigned by the claims service (department and certification checks, "
            "history, audit log, notification).",
            submit_label="Assign",
            action=action,
            cancel_url=done_url,
        )

    def _assign(self, request, claims: list[Claim], *, agent, assessor, auto_assessor: bool, reason: str) -> None:
        apply_each(
            self,
            request,
            claims,
            lambda claim: claim_assign(
                claim=claim,
                assigned_by=request.user,
                agent=agent if agent is not None else ...,
                assessor=assessor if assessor is not None else ...,
                auto_assessor=auto_assessor,
                reason=reason,
            ),
            done="Assigned",
        )

    @admin.action(description="Assign an agent or assessor…", permissions=["change"])
    def assign(self, request, queryset):
        return self._assign_page(request, list(queryset), action="assign", done_url=request.get_full_path())

    def assign_view(self, request, object_id):
        claim = get_object_or_404(Claim, pk=object_id)
        if not self.has_change_permission(request, claim):
            raise PermissionDenied
        done = reverse("admin:claims_claim_change", args=[claim.pk])
        return self._assign_page(request, [claim], action="", done_url=done)


@admin.register(ClaimStatusHistory)
class ClaimStatusHistoryAdmin(ReadOnlyAdmin):
    list_display = ["claim", "from_status", "to_status", "actor", "reason", "at"]
    list_filter = ["to_status"]
    list_select_related = ["claim", "actor"]
    search_fields = ["claim__claim_number"]


@admin.register(ClaimAssignment)
class ClaimAssignmentAdmin(ReadOnlyAdmin):
    list_display = ["claim", "role", "user", "previous_user", "assigned_by", "automatic", "at"]
    list_filter = ["role", "automatic"]
    list_select_related = ["claim", "user", "previous_user", "assigned_by"]
    search_fields = ["claim__claim_number", "user__email"]


@admin.register(Reserve)
class ReserveAdmin(ReadOnlyAdmin):
    """Reserves move through reserve_set (with a reason and the authority limits), never here."""

    list_display = ["claim", "cost_type", "amount", "paid", "currency", "closed_at"]
    list_filter = ["cost_type", "currency"]
    list_select_related = ["claim"]
    search_fields = ["claim__claim_number"]


@admin.register(ReserveChange)
class ReserveChangeAdmin(ReadOnlyAdmin):
    list_display = ["reserve", "previous_amount", "new_amount", "reason", "actor", "at"]
    list_select_related = ["reserve", "actor"]
    search_fields = ["reserve__claim__claim_number", "reason"]


@admin.register(ClaimCommunication)
class ClaimCommunicationAdmin(ReadOnlyAdmin):
    """The claim's correspondence is a record: added through communication_add, never rewritten."""

    list_display = ["claim", "channel", "direction", "party", "at"]
    list_filter = ["channel", "party"]
    list_select_related = ["claim"]
    search_fields = ["claim__claim_number", "subject"]


@admin.register(ClaimSettlement)
class ClaimSettlementAdmin(ReadOnlyAdmin):
    """Proposed, approved, rejected and paid through the settlement services (authority limits,
    reserves, the payout), never edited here."""

    list_display = ["claim", "amount", "currency", "status", "payee", "method"]
    list_filter = ["status", "method"]
    list_select_related = ["claim"]
    search_fields = ["claim__claim_number"]  # the payee is sealed: not searchable
