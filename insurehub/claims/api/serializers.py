from decimal import Decimal

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from insurehub.claims.models import (
    Claim,
    ClaimCommunication,
    ClaimSettlement,
    ClaimStatus,
    CostType,
    DocumentKindAsked,
    DocumentRequest,
    Priority,
    Reserve,
    ReserveChange,
)
from insurehub.claims.selectors import NEXT_STEP, customer_status, display_name
from insurehub.claims.services.bulk import OUTCOMES as BULK_OUTCOMES
from insurehub.claims.workflow import offered_for
from insurehub.core.serializers import MoneyField, StrictSerializer


class CatastropheRefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    code = serializers.CharField(help_text="The event's number, e.g. CAT-2026-0001.")
    name = serializers.CharField()


class ClaimListSerializer(serializers.ModelSerializer):
    estimated_cost = MoneyField(allow_null=True)
    approved_amount = MoneyField(allow_null=True)
    customer_name = serializers.CharField(source="customer.name", read_only=True)
    policy_number = serializers.CharField(source="policy.policy_number", read_only=True)
    vehicle_registration = serializers.CharField(
        source="vehicle.registration", read_only=True, default=None, allow_null=True
    )
    has_open_alerts = serializers.BooleanField(read_only=True, default=False)
    assigned_agent_name = serializers.SerializerMethodField(help_text="The assigned agent's name (else e-mail).")
    assigned_assessor_name = serializers.SerializerMethodField(help_text="The assigned assessor's name (else e-mail).")
    catastrophe = serializers.SerializerMethodField(help_text="The catastrophe event the claim is tagged with.")
    catastrophe_fast_track = serializers.BooleanField(
        read_only=True, help_text="Fast-tracked to a desk assessor by its catastrophe event's rules."
    )

    class Meta:
        model = Claim
        fields = [
            "id",
            "claim_number",
            "status",
            "priority",
            "department",
            "customer",
            "customer_name",
            "policy",
            "policy_number",
            "vehicle",
            "vehicle_registration",
            "assigned_agent",
            "assigned_agent_name",
            "assigned_assessor",
            "assigned_assessor_name",
            "incident_date",
            "estimated_cost",
            "approved_amount",
            "currency",
            "sla_due_at",
            "has_open_alerts",
            "catastrophe",
            "catastrophe_fast_track",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(CatastropheRefSerializer(allow_null=True))
    def get_catastrophe(self, obj) -> dict | None:
        event = obj.catastrophe  # select_related by claim_list()
        return None if event is None else {"id": str(event.pk), "code": event.code, "name": event.name}

    def get_assigned_agent_name(self, obj) -> str | None:
        return display_name(obj.assigned_agent)

    def get_assigned_assessor_name(self, obj) -> str | None:
        return display_name(obj.assigned_assessor)

    def to_representation(self, claim):
        """The fields above, built directly (a page of 50 claims is the API's busiest answer): the
        same values DRF's fields give, without their per-field machinery. `claim` is a row of
        selectors.claim_rows() (what the lists read) or a Claim. Money keeps its field's formatting;
        times are in the current time zone with `Z` for UTC, as DateTimeField writes them.
        test_list_shape checks the two against each other."""
        row = claim if isinstance(claim, dict) else _row_of(claim)
        money = _MONEY.to_representation  # not self.fields: building them costs more than the page
        zone = timezone.get_current_timezone()
        has_open_alerts = row.get("has_open_alerts", False)
        return {
            "id": str(row["id"]),
            "claim_number": row["claim_number"],
            "status": row["status"],
            "priority": row["priority"],
            "department": row["department"],
            "customer": row["customer"],
            "customer_name": row["customer__name"],
            "policy": row["policy"],
            "policy_number": row["policy__policy_number"],
            "vehicle": row["vehicle"],
            "vehicle_registration": row["vehicle__registration"] if row["vehicle"] is not None else None,
            "assigned_agent": row["assigned_agent"],
            "assigned_agent_name": _person(row, "assigned_agent"),
            "assigned_assessor": row["assigned_assessor"],
            "assigned_assessor_name": _person(row, "assigned_assessor"),
            "incident_date": _iso(row["incident_date"], zone),
            "estimated_cost": None if row["estimated_cost"] is None else money(row["estimated_cost"]),
            "approved_amount": None if row["approved_amount"] is None else money(row["approved_amount"]),
            "currency": row["currency"],
            "sla_due_at": _iso(row["sla_due_at"], zone),
            "has_open_alerts": bool(has_open_alerts) if has_open_alerts is not None else None,
            "catastrophe": _catastrophe(row),
            "catastrophe_fast_track": row["catastrophe_fast_track"],
            "created_at": _iso(row["created_at"], zone),
            "updated_at": _iso(row["updated_at"], zone),
        }


def _row_of(claim: Claim) -> dict:
    """A Claim as a row of selectors.claim_rows()."""
    row = {name: getattr(claim, name) for name in _PLAIN}
    row.update(customer=claim.customer_id, policy=claim.policy_id, vehicle=claim.vehicle_id)
    row.update(customer__name=claim.customer.name, policy__policy_number=claim.policy.policy_number)
    row["vehicle__registration"] = claim.vehicle.registration if claim.vehicle_id is not None else None
    for role in ("assigned_agent", "assigned_assessor"):
        person = getattr(claim, role)
        row[role] = getattr(claim, f"{role}_id")
        row[f"{role}__name"] = person.name if person is not None else None
        row[f"{role}__email"] = person.email if person is not None else None
    row["has_open_alerts"] = getattr(claim, "has_open_alerts", False)
    event = claim.catastrophe
    row["catastrophe"] = claim.catastrophe_id
    row["catastrophe__code"] = event.code if event is not None else None
    row["catastrophe__name"] = event.name if event is not None else None
    row["catastrophe_fast_track"] = claim.catastrophe_fast_track
    return row


def _catastrophe(row: dict) -> dict | None:
    """The claim's catastrophe event, named: {id, code, name}, or None."""
    if row["catastrophe"] is None:
        return None
    return {"id": str(row["catastrophe"]), "code": row["catastrophe__code"], "name": row["catastrophe__name"]}


_PLAIN = (
    "id",
    "claim_number",
    "status",
    "priority",
    "department",
    "incident_date",
    "estimated_cost",
    "approved_amount",
    "currency",
    "sla_due_at",
    "created_at",
    "updated_at",
)


def _person(row: dict, role: str) -> str | None:
    """display_name() of an assigned person from a row: their name, else their e-mail."""
    if row[role] is None:
        return None
    return row[f"{role}__name"] or row[f"{role}__email"]


_MONEY = MoneyField(allow_null=True)


def _iso(value, zone) -> str | None:
    """As DRF's DateTimeField writes an aware time (ISO 8601, `Z` for UTC)."""
    if value is None:
        return None
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


class CustomerStatusSerializer(serializers.Serializer):
    """Where the claim stands for its customer, as codes the web application words in the
    customer's language (never sentences).

    `code`: the claim's status (`draft`, `submitted`, `under_review`, `assessment`, `approved`,
    `rejected`, `settlement`, `settled`, `closed`, `withdrawn`).

    `next_step_code`, what happens next:
    - `finish_and_submit`: a draft; the customer completes and submits it (action);
    - `agent_reviews`: submitted or under review; an agent reviews the claim;
    - `assessor_contacts`: in assessment; an assessor will contact the customer about the damage;
    - `offer_being_prepared`: approved, or in settlement with no offer waiting (one being prepared,
      approved, or a new one after the customer declined);
    - `answer_offer`: a settlement offer waits for the customer's answer (`offer` names it) (action);
    - `payment_on_its_way`: the customer accepted the offer; the payment is being made;
    - `upload_documents`: staff asked for documents not sent yet (`documents_requested` of them)
      (action; an offer to answer comes first);
    - `payment_made`: settled; the payment has been made;
    - `reply_if_you_disagree`: rejected; the customer may answer from the claim's messages;
    - `nothing_needed`: closed or withdrawn.

    `action_required`: the customer has something to do (the steps marked action above)."""

    code = serializers.ChoiceField(choices=ClaimStatus.choices)
    next_step_code = serializers.ChoiceField(
        choices=sorted({*NEXT_STEP.values(), "answer_offer", "payment_on_its_way", "upload_documents"})
    )
    action_required = serializers.BooleanField()
    documents_requested = serializers.IntegerField(help_text="Documents asked for and not yet sent.")
    offer = serializers.UUIDField(allow_null=True, help_text="The settlement offer waiting for an answer.")


class ClaimDetailSerializer(ClaimListSerializer):
    allowed_transitions = serializers.SerializerMethodField()
    customer_status = serializers.SerializerMethodField(
        help_text="Where the claim stands for its customer, in codes (see CustomerStatus)."
    )
    # Every field through DRF's own machinery: one claim, and the fields differ from the list's.
    to_representation = serializers.ModelSerializer.to_representation

    class Meta(ClaimListSerializer.Meta):
        fields = [
            *ClaimListSerializer.Meta.fields,
            "incident_address",
            "incident_latitude",
            "incident_longitude",
            "description",
            "injury",
            "total_loss_hint",
            "police_report_number",
            "third_party_involved",
            "submitted_at",
            "assessment_completed_at",
            "settled_at",
            "closed_at",
            "last_activity_at",
            "allowed_transitions",
            "customer_status",
        ]
        read_only_fields = fields

    def get_allowed_transitions(self, obj) -> list[str]:
        request = self.context.get("request")
        return offered_for(obj, request.user if request is not None else None)

    @extend_schema_field(CustomerStatusSerializer)
    def get_customer_status(self, obj) -> dict:
        return CustomerStatusSerializer(customer_status(obj)).data


class ClaimCreateSerializer(StrictSerializer):
    policy = serializers.UUIDField()
    vehicle = serializers.UUIDField(required=False)
    incident_date = serializers.DateTimeField()
    incident_address = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    incident_latitude = serializers.DecimalField(
        max_digits=9, decimal_places=6, min_value=Decimal("-90"), max_value=Decimal("90"), required=False
    )
    incident_longitude = serializers.DecimalField(
        max_digits=9, decimal_places=6, min_value=Decimal("-180"), max_value=Decimal("180"), required=False
    )
    description = serializers.CharField(max_length=5000)
    injury = serializers.BooleanField(required=False, default=False)
    total_loss_hint = serializers.BooleanField(required=False, default=False)
    police_report_number = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")
    third_party_involved = serializers.BooleanField(required=False, default=False)
    estimated_cost = MoneyField(required=False, min_value=Decimal("0"))
    priority = serializers.ChoiceField(choices=Priority.choices, required=False)
    draft = serializers.BooleanField(required=False, default=False)

    def validate(self, attrs):
        if ("incident_latitude" in attrs) != ("incident_longitude" in attrs):
            raise serializers.ValidationError({"incident_latitude": "Give both latitude and longitude, or neither."})
        return attrs


class ClaimUpdateSerializer(StrictSerializer):
    incident_date = serializers.DateTimeField(required=False)
    incident_address = serializers.CharField(max_length=300, required=False, allow_blank=True)
    incident_latitude = serializers.DecimalField(
        max_digits=9, decimal_places=6, min_value=Decimal("-90"), max_value=Decimal("90"), required=False
    )
    incident_longitude = serializers.DecimalField(
        max_digits=9, decimal_places=6, min_value=Decimal("-180"), max_value=Decimal("180"), required=False
    )
    description = serializers.CharField(max_length=5000, required=False)
    injury = serializers.BooleanField(required=False)
    total_loss_hint = serializers.BooleanField(required=False)
    police_report_number = serializers.CharField(max_length=64, required=False, allow_blank=True)
    third_party_involved = serializers.BooleanField(required=False)
    estimated_cost = MoneyField(required=False, min_value=Decimal("0"), allow_null=True)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False)


class TransitionSerializer(StrictSerializer):
    to = serializers.ChoiceField(choices=ClaimStatus.choices)
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    approved_amount = MoneyField(required=False, min_value=Decimal("0"))


class AssignSerializer(StrictSerializer):
    agent = serializers.UUIDField(required=False, allow_null=True)
    assessor = serializers.UUIDField(required=False, allow_null=True)
    auto_assessor = serializers.BooleanField(required=False, default=False)
    reason = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")

    def validate(self, attrs):
        if attrs.get("auto_assessor") and "assessor" in attrs:
            raise serializers.ValidationError(
                {"assessor": "Name an assessor or ask for automatic assignment, not both."}
            )
        if not ({"agent", "assessor"} & set(attrs)) and not attrs.get("auto_assessor"):
            raise serializers.ValidationError({"agent": "Name an agent, an assessor, or set auto_assessor."})
        return attrs


class BulkSelectionSerializer(StrictSerializer):
    claims = serializers.ListField(child=serializers.UUIDField(), min_length=1, max_length=200)


class BulkTransitionSerializer(BulkSelectionSerializer):
    to = serializers.ChoiceField(choices=ClaimStatus.choices)
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class BulkAssignSerializer(BulkSelectionSerializer, AssignSerializer):
    pass


class BulkResultSerializer(serializers.Serializer):
    claim = serializers.UUIDField()
    claim_number = serializers.CharField(allow_null=True)
    ok = serializers.BooleanField()
    outcome = serializers.ChoiceField(
        choices=BULK_OUTCOMES,
        help_text="ok; skipped (nothing to do, `code` says why); error (refused, as `status` and `code`).",
    )
    status = serializers.IntegerField(help_text="The HTTP status this claim alone would have answered.")
    code = serializers.CharField(
        help_text='"ok", the reason it was skipped, or the problem code of the refusal (e.g. "transition_refused").'
    )
    detail = serializers.CharField(help_text="The claim's new status (or what was done) when ok, else why not.")


class BulkResponseSerializer(serializers.Serializer):
    succeeded = serializers.IntegerField()
    skipped = serializers.IntegerField(help_text="Claims with nothing to do (not counted as failed).")
    failed = serializers.IntegerField()
    results = BulkResultSerializer(many=True)


class BulkReserveRuleSerializer(StrictSerializer):
    cost_type = serializers.ChoiceField(choices=CostType.choices)
    basis = serializers.ChoiceField(
        choices=[("fixed", "A fixed amount"), ("estimate", "A percentage of the claim's estimate")]
    )
    amount = MoneyField(min_value=Decimal("0"), required=False, help_text="basis fixed: the amount on every claim.")
    percent = serializers.DecimalField(
        max_digits=6,
        decimal_places=2,
        min_value=Decimal("0.01"),
        max_value=Decimal("1000"),
        required=False,
        help_text="basis estimate: this percentage of the claim's estimated cost.",
    )
    floor = MoneyField(
        min_value=Decimal("0"), required=False, help_text="basis estimate: at least this (also for no estimate)."
    )
    cap = MoneyField(min_value=Decimal("0"), required=False, help_text="basis estimate: at most this.")
    only_raise = serializers.BooleanField(
        default=True, help_text="Leave a reserve already above the figure alone (skipped `would_lower`)."
    )

    def validate(self, attrs):
        errors = {}
        if attrs["basis"] == "fixed":
            if attrs.get("amount") is None:
                errors["amount"] = "A fixed rule needs an amount."
            for name in ("percent", "floor", "cap"):
                if attrs.get(name) is not None:
                    errors[name] = "Only for a rule on the estimate."
        else:
            if attrs.get("percent") is None:
                errors["percent"] = "A rule on the estimate needs a percent."
            if attrs.get("amount") is not None:
                errors["amount"] = "Only for a fixed rule."
            floor, cap = attrs.get("floor"), attrs.get("cap")
            if floor is not None and cap is not None and floor > cap:
                errors["cap"] = "The cap is below the floor."
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class BulkReserveSerializer(StrictSerializer):
    claims = serializers.ListField(child=serializers.UUIDField(), min_length=1, max_length=200, required=False)
    catastrophe = serializers.UUIDField(
        required=False, help_text="Instead of `claims`: every open claim of this catastrophe event you may see."
    )
    rule = BulkReserveRuleSerializer()
    reason = serializers.CharField(max_length=500)

    def validate(self, attrs):
        if ("claims" in attrs) == ("catastrophe" in attrs):
            raise serializers.ValidationError({"claims": "Send either `claims` or `catastrophe`."})
        return attrs


class BulkReserveResultSerializer(BulkResultSerializer):
    amount = MoneyField(required=False, help_text="ok: the reserve set.")
    previous_amount = MoneyField(required=False, allow_null=True, help_text="ok: the reserve before (null: none).")


class BulkReserveResponseSerializer(BulkResponseSerializer):
    results = BulkReserveResultSerializer(many=True)


class BulkMessageSerializer(BulkSelectionSerializer):
    channel = serializers.ChoiceField(
        choices=[("email", "Email"), ("sms", "SMS"), ("letter", "Letter")],
        default="email",
        help_text="How the message is recorded on each claim; the customer is notified by their own preferences.",
    )
    subject = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    body = serializers.CharField(max_length=5000)
    subject_sw = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    body_sw = serializers.CharField(
        max_length=5000,
        required=False,
        allow_blank=True,
        default="",
        help_text="The Kiswahili text, for customers who chose Kiswahili (else they get `body`).",
    )


class BulkMessageResultSerializer(BulkResultSerializer):
    communication = serializers.UUIDField(required=False, help_text="ok: the communication written on the claim.")


class BulkMessageResponseSerializer(BulkResponseSerializer):
    results = BulkMessageResultSerializer(many=True)


class AssigneeSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    email = serializers.EmailField()
    role = serializers.CharField()
    department = serializers.CharField()
    certification_level = serializers.IntegerField(allow_null=True)
    open_claims = serializers.IntegerField(help_text="Open claims assigned to this person now.")
    eligible = serializers.BooleanField()
    ineligible_reason = serializers.CharField(allow_blank=True)


class AssigneesSerializer(serializers.Serializer):
    department = serializers.CharField()
    required_certification = serializers.IntegerField(allow_null=True)
    agents = AssigneeSerializer(many=True)
    assessors = AssigneeSerializer(many=True)


class CommunicationSerializer(serializers.ModelSerializer):
    author_name = serializers.SerializerMethodField(help_text="The author's name (else e-mail).")

    class Meta:
        model = ClaimCommunication
        fields = ["id", "channel", "direction", "party", "subject", "body", "author", "author_name", "at"]
        read_only_fields = fields

    def get_author_name(self, obj) -> str | None:
        return display_name(obj.author)


class CustomerContactSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField(allow_blank=True)
    email = serializers.EmailField()
    email_verified = serializers.BooleanField()
    phone = serializers.CharField(allow_blank=True)
    phone_verified = serializers.BooleanField()
    open_claims = serializers.IntegerField(help_text="The customer's claims still open, this one included.")


class CommunicationCreateSerializer(StrictSerializer):
    channel = serializers.ChoiceField(choices=ClaimCommunication.Channel.choices, required=False, default="note")
    direction = serializers.ChoiceField(
        choices=ClaimCommunication.Direction.choices, required=False, default="internal"
    )
    party = serializers.ChoiceField(choices=ClaimCommunication.Party.choices, required=False, default="insurer")
    subject = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    body = serializers.CharField(max_length=10000)


class ReserveChangeSerializer(serializers.ModelSerializer):
    previous_amount = MoneyField()
    new_amount = MoneyField()
    actor_name = serializers.SerializerMethodField(help_text="Who changed it (name, else e-mail).")

    class Meta:
        model = ReserveChange
        fields = ["id", "previous_amount", "new_amount", "reason", "actor", "actor_name", "at"]
        read_only_fields = fields

    def get_actor_name(self, obj) -> str | None:
        return display_name(obj.actor)


class ReserveSerializer(serializers.ModelSerializer):
    amount = MoneyField()
    paid = MoneyField()
    open_amount = MoneyField(read_only=True)
    history = ReserveChangeSerializer(
        source="changes", many=True, read_only=True, help_text="Every change of the amount, oldest first, with why."
    )

    class Meta:
        model = Reserve
        fields = ["id", "cost_type", "amount", "paid", "open_amount", "currency", "closed_at", "updated_at", "history"]
        read_only_fields = fields


class ReserveSetSerializer(StrictSerializer):
    cost_type = serializers.ChoiceField(choices=CostType.choices)
    amount = MoneyField(min_value=Decimal("0"))
    reason = serializers.CharField(max_length=500)


class SettlementSerializer(serializers.ModelSerializer):
    amount = MoneyField()
    customer_decided_by_name = serializers.SerializerMethodField(
        help_text="Who gave the customer's answer: the customer, or staff who recorded it for them."
    )
    answered_on_behalf = serializers.SerializerMethodField(help_text="Staff recorded the customer's answer.")
    proposed_by_name = serializers.SerializerMethodField(help_text="Who proposed it (name, else e-mail).")
    approved_by_name = serializers.SerializerMethodField(help_text="Who approved it (name, else e-mail).")

    class Meta:
        model = ClaimSettlement
        fields = [
            "id",
            "amount",
            "currency",
            "cost_type",
            "payee",
            "method",
            "status",
            "proposed_by",
            "proposed_by_name",
            "approved_by",
            "approved_by_name",
            "paid_transaction",
            "note",
            "approved_at",
            "customer_decision",
            "customer_decision_reason",
            "customer_decided_at",
            "customer_decided_by_name",
            "customer_decision_note",
            "answered_on_behalf",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_proposed_by_name(self, obj) -> str | None:
        return display_name(obj.proposed_by)

    def get_customer_decided_by_name(self, obj) -> str | None:
        return display_name(obj.customer_decided_by)

    def get_answered_on_behalf(self, obj) -> bool:
        return obj.customer_decided_by_id is not None and obj.customer_decided_by_id != obj.claim.customer_id

    def get_approved_by_name(self, obj) -> str | None:
        return display_name(obj.approved_by)


class SettlementProposeSerializer(StrictSerializer):
    amount = MoneyField(min_value=Decimal("0.01"))
    payee = serializers.CharField(max_length=200)
    method = serializers.ChoiceField(choices=ClaimSettlement.Method.choices)
    cost_type = serializers.ChoiceField(choices=CostType.choices, required=False, default=CostType.OWN_DAMAGE)
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class SettlementOfferSerializer(serializers.ModelSerializer):
    """A settlement offer as its customer reads it: what is offered and for what, to whom and how it
    is paid, the policy's excess it is net of, and the customer's answer. Never the desk's notes.

    `offer_status`: `awaiting_answer`, `accepted` (to be paid), `declined`, `paid`."""

    amount = MoneyField()
    excess = serializers.SerializerMethodField(help_text="The policy's excess (deductible), in `currency`; null: none.")
    offer_status = serializers.SerializerMethodField()
    answered_on_behalf = serializers.SerializerMethodField(
        help_text="The answer was recorded by staff for the customer (e.g. by phone)."
    )

    class Meta:
        model = ClaimSettlement
        fields = [
            "id",
            "amount",
            "currency",
            "cost_type",
            "payee",
            "method",
            "excess",
            "offer_status",
            "approved_at",
            "customer_decision",
            "customer_decision_reason",
            "customer_decided_at",
            "answered_on_behalf",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_excess(self, obj) -> str | None:
        excess = self.context.get("excess")
        return None if excess is None else _MONEY.to_representation(excess)

    @extend_schema_field(serializers.ChoiceField(choices=["awaiting_answer", "accepted", "declined", "paid"]))
    def get_offer_status(self, obj) -> str:
        if obj.status == ClaimSettlement.Status.PAID:
            return "paid"
        return obj.customer_decision or "awaiting_answer"

    def get_answered_on_behalf(self, obj) -> bool:
        return obj.customer_decided_by_id is not None and obj.customer_decided_by_id != obj.claim.customer_id


class SettlementResponseSerializer(StrictSerializer):
    decision = serializers.ChoiceField(choices=["accept", "decline"])
    reason = serializers.CharField(
        max_length=500, required=False, allow_blank=True, default="", help_text="Why declined (required then)."
    )
    note = serializers.CharField(
        max_length=500,
        required=False,
        allow_blank=True,
        default="",
        help_text="Staff answering for the customer: how the customer gave the answer (required then).",
    )


class DocumentRequestSerializer(serializers.ModelSerializer):
    state = serializers.ChoiceField(choices=["open", "fulfilled", "cancelled"], read_only=True)
    requested_by_name = serializers.SerializerMethodField(help_text="Who asked (name, else e-mail).")

    class Meta:
        model = DocumentRequest
        fields = [
            "id",
            "kind",
            "note",
            "state",
            "requested_by",
            "requested_by_name",
            "requested_at",
            "fulfilled_by_document",
            "fulfilled_at",
            "cancelled_at",
        ]
        read_only_fields = fields

    def get_requested_by_name(self, obj) -> str | None:
        return display_name(obj.requested_by)


class DocumentRequestCreateSerializer(StrictSerializer):
    kind = serializers.ChoiceField(choices=DocumentKindAsked.choices)
    note = serializers.CharField(
        max_length=500, required=False, allow_blank=True, default="", help_text="To the customer: they read it."
    )


class SettlementActionSerializer(StrictSerializer):
    action = serializers.ChoiceField(choices=["approve", "pay", "reject"])
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class TimelineItemSerializer(serializers.Serializer):
    type = serializers.CharField()
    at = serializers.DateTimeField()
    actor = serializers.UUIDField(allow_null=True)
    actor_name = serializers.CharField(allow_null=True, help_text="Who did it (name, else e-mail); null: the system.")
    detail = serializers.CharField(allow_blank=True, required=False)
    # The facts of each type (absent from the others).
    to = serializers.CharField(required=False, help_text="status_changed: the new status; reserve_changed: the amount.")
    role = serializers.CharField(required=False, help_text="assigned: `agent` or `assessor`.")
    user = serializers.UUIDField(required=False, allow_null=True, help_text="assigned: the new assignee.")
    user_name = serializers.CharField(required=False, allow_null=True, help_text="assigned: the new assignee's name.")
    previous_user = serializers.UUIDField(required=False, allow_null=True, help_text="assigned: who it was before.")
    automatic = serializers.BooleanField(required=False, help_text="assigned: picked by the system.")
    channel = serializers.CharField(required=False, help_text="communication: email, sms, phone, letter or note.")
    direction = serializers.CharField(required=False, help_text="communication: inbound, outbound or internal.")
    party = serializers.CharField(required=False, help_text="communication: who it was with.")
    cost_type = serializers.CharField(required=False, help_text="reserve_changed: the reserve's cost type.")
    amount = serializers.CharField(required=False, help_text="settlement_*: the amount (decimal string).")
    document = serializers.UUIDField(
        required=False, help_text="document, document_request_fulfilled: the document's id."
    )
    kind = serializers.CharField(required=False, help_text="document_request_*: the kind of document asked for.")

    def get_fields(self):
        fields = super().get_fields()
        # `from` is a Python keyword: declared here rather than as a class attribute.
        fields["from"] = serializers.CharField(
            required=False, help_text="status_changed: the status before; reserve_changed: the amount before."
        )
        return fields
