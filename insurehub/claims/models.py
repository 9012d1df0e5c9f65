"""Claims: first notice of loss to closure, with history, assignments, reserves, communications
and settlement. The workflow itself lives in claims.workflow and claims.services."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from insurehub.core.fields import EncryptedTextField
from insurehub.core.models import BaseModel
from insurehub.core.roles import Department
from insurehub.policies.models import CURRENCIES


class ClaimStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    UNDER_REVIEW = "under_review", "Under review"
    ASSESSMENT = "assessment", "Assessment"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    SETTLEMENT = "settlement", "Settlement"
    SETTLED = "settled", "Settled"
    CLOSED = "closed", "Closed"
    WITHDRAWN = "withdrawn", "Withdrawn"


OPEN_STATUSES = frozenset(
    {
        ClaimStatus.SUBMITTED,
        ClaimStatus.UNDER_REVIEW,
        ClaimStatus.ASSESSMENT,
        ClaimStatus.APPROVED,
        ClaimStatus.SETTLEMENT,
    }
)


class Priority(models.TextChoices):
    LOW = "low", "Low"
    NORMAL = "normal", "Normal"
    HIGH = "high", "High"
    URGENT = "urgent", "Urgent"


class CatastropheTagging(models.TextChoices):
    AUTO = "auto", "Automatic"
    MANUAL = "manual", "By hand"


class Claim(BaseModel):
    claim_number = models.CharField(max_length=20, unique=True)
    status = models.CharField(max_length=16, choices=ClaimStatus.choices, default=ClaimStatus.SUBMITTED)
    priority = models.CharField(max_length=8, choices=Priority.choices, default=Priority.NORMAL)
    priority_set_by_staff = models.BooleanField(default=False)
    customer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="claims")
    policy = models.ForeignKey("policies.Policy", on_delete=models.PROTECT, related_name="claims")
    vehicle = models.ForeignKey(
        "vehicles.Vehicle", null=True, blank=True, on_delete=models.PROTECT, related_name="claims"
    )
    department = models.CharField(max_length=32, choices=Department.choices, default=Department.MOTOR)
    assigned_agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="claims_as_agent"
    )
    assigned_assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="claims_as_assessor"
    )
    incident_date = models.DateTimeField()
    # Personal data, sealed at rest (core.fields): where it happened and what the customer told.
    incident_address = EncryptedTextField(max_length=300, blank=True, default="")
    incident_latitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(Decimal("-90")), MaxValueValidator(Decimal("90"))],
    )  # fmt: skip
    incident_longitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(Decimal("-180")), MaxValueValidator(Decimal("180"))],
    )  # fmt: skip
    description = EncryptedTextField(max_length=5000)
    injury = models.BooleanField(default=False)
    total_loss_hint = models.BooleanField(default=False)
    police_report_number = models.CharField(max_length=64, blank=True)
    third_party_involved = models.BooleanField(default=False)
    estimated_cost = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    approved_amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, choices=CURRENCIES, default="KES")
    sla_due_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Set by the assessments app when the claim's assessment is completed (the approval guard reads it).
    assessment_completed_at = models.DateTimeField(null=True, blank=True)
    settled_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    last_activity_at = models.DateTimeField(null=True, blank=True)
    # The catastrophe event the claim belongs to (catastrophes app), how it got there, and whether a
    # person took it out of an event: the automatic tagging never tags such a claim again.
    catastrophe = models.ForeignKey(
        "catastrophes.CatastropheEvent", null=True, blank=True, on_delete=models.PROTECT, related_name="claims"
    )
    catastrophe_tagging = models.CharField(max_length=8, choices=CatastropheTagging.choices, blank=True)
    catastrophe_untagged = models.BooleanField(default=False)
    # Estimated below the event's fast-track limit when tagged: sent straight to a desk assessor.
    catastrophe_fast_track = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["department", "status", "priority"], name="claims_dept_status_prio"),
            models.Index(fields=["assigned_agent", "status"], name="claims_agent_status"),
            # An assessor's own figures (dashboard matrix, aging, KPI): every column their one pass reads.
            models.Index(
                fields=[
                    "assigned_assessor",
                    "status",
                    "priority",
                    "submitted_at",
                    "sla_due_at",
                    "created_at",
                    "estimated_cost",
                ],
                name="claims_assessor_figures",
            ),
            models.Index(fields=["customer", "-created_at"], name="claims_customer_recent"),
            models.Index(fields=["status", "sla_due_at"], name="claims_status_sla"),
            models.Index(fields=["vehicle", "incident_date"], name="claims_vehicle_incident"),
            models.Index(fields=["-created_at", "-id"], name="claims_recent"),
            models.Index(fields=["status", "last_activity_at"], name="claims_status_activity"),
            # "recently changed" on the dashboard: walk newest first and stop after a page.
            models.Index(fields=["-updated_at"], name="claims_recently_updated"),
            # SLA breaches among open claims of a department (the rollups cover the days before today).
            models.Index(
                fields=["department", "sla_due_at"],
                condition=models.Q(status__in=["submitted", "under_review", "assessment", "approved", "settlement"]),
                name="claims_open_sla",
            ),
            # The dashboard's "my queue": the caller's open claims on their own column, SLA first.
            models.Index(
                fields=["assigned_agent", "sla_due_at", "created_at"],
                condition=models.Q(status__in=["submitted", "under_review", "assessment", "approved", "settlement"]),
                name="claims_agent_queue",
            ),
            models.Index(
                fields=["assigned_assessor", "sla_due_at", "created_at"],
                condition=models.Q(status__in=["submitted", "under_review", "assessment", "approved", "settlement"]),
                name="claims_assessor_queue",
            ),
            # An assessor's "recently changed" (they see only their own claims): newest first, stop after a page.
            models.Index(fields=["assigned_assessor", "-updated_at"], name="claims_assessor_recent"),
            # The map and the list's area filters (claims.geo): a latitude band, then longitudes in it.
            models.Index(
                fields=["incident_latitude", "incident_longitude"],
                condition=models.Q(incident_latitude__isnull=False),
                name="claims_incident_position",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(estimated_cost__isnull=True) | models.Q(estimated_cost__gte=0),
                name="claims_estimate_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(approved_amount__isnull=True) | models.Q(approved_amount__gte=0),
                name="claims_approved_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.claim_number

    def clean(self) -> None:
        super().clean()
        if (self.incident_latitude is None) != (self.incident_longitude is None):
            raise ValidationError({"incident_latitude": "Give both latitude and longitude, or neither."})


class ClaimStatusHistory(models.Model):
    id = models.BigAutoField(primary_key=True)
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="status_history")
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["claim", "at"])]
        verbose_name_plural = "claim status history"

    def __str__(self) -> str:
        return f"{self.claim_id}: {self.from_status} -> {self.to_status}"


class ClaimAssignment(models.Model):
    class Role(models.TextChoices):
        AGENT = "agent", "Agent"
        ASSESSOR = "assessor", "Assessor"

    id = models.BigAutoField(primary_key=True)
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="assignments")
    role = models.CharField(max_length=8, choices=Role.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    previous_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    automatic = models.BooleanField(default=False)
    reason = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["claim", "at"])]

    def __str__(self) -> str:
        return f"{self.claim_id} {self.role} -> {self.user_id}"


class ClaimCatastropheChange(models.Model):
    """Each tag or untag of a claim with a catastrophe event: by hand (with its reason) or by the
    automatic tagging (at filing, or when an event is declared or its area changes)."""

    id = models.BigAutoField(primary_key=True)
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="catastrophe_changes")
    event = models.ForeignKey(
        "catastrophes.CatastropheEvent", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    previous_event = models.ForeignKey(
        "catastrophes.CatastropheEvent", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    automatic = models.BooleanField(default=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["claim", "at"], name="claims_catastrophe_change_at")]

    def __str__(self) -> str:
        return f"{self.claim_id}: {self.previous_event_id} -> {self.event_id}"


class ClaimCommunication(BaseModel):
    class Channel(models.TextChoices):
        EMAIL = "email", "Email"
        SMS = "sms", "SMS"
        PHONE = "phone", "Phone"
        LETTER = "letter", "Letter"
        NOTE = "note", "Internal note"

    class Direction(models.TextChoices):
        INBOUND = "inbound", "Inbound"
        OUTBOUND = "outbound", "Outbound"
        INTERNAL = "internal", "Internal"

    class Party(models.TextChoices):
        CUSTOMER = "customer", "Customer"
        ASSESSOR = "assessor", "Assessor"
        GARAGE = "garage", "Garage"
        INSURER = "insurer", "Insurer"
        THIRD_PARTY = "third_party", "Third party"
        POLICE = "police", "Police"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="communications")
    channel = models.CharField(max_length=8, choices=Channel.choices)
    direction = models.CharField(max_length=8, choices=Direction.choices)
    party = models.CharField(max_length=12, choices=Party.choices)
    subject = models.CharField(max_length=200, blank=True)
    body = EncryptedTextField(max_length=10000)  # what was said to or by the customer: sealed at rest
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["claim", "party", "at"])]

    def __str__(self) -> str:
        return f"{self.claim_id} {self.channel} {self.direction} {self.party}"


class CostType(models.TextChoices):
    OWN_DAMAGE = "own_damage", "Own vehicle damage"
    THIRD_PARTY = "third_party", "Third-party property"
    INJURY = "injury", "Injury"
    LEGAL = "legal", "Legal"
    EXPENSES = "expenses", "Expenses"


class Reserve(BaseModel):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="reserves")
    cost_type = models.CharField(max_length=16, choices=CostType.choices)
    amount = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0"))
    paid = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0"))
    currency = models.CharField(max_length=3, choices=CURRENCIES)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["cost_type"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "cost_type"], name="claims_reserve_per_type"),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="claims_reserve_not_negative"),
            models.CheckConstraint(condition=models.Q(paid__lte=models.F("amount")), name="claims_paid_within_reserve"),
        ]

    def __str__(self) -> str:
        return f"{self.claim_id} {self.cost_type} {self.amount}"

    @property
    def open_amount(self) -> Decimal:
        return Decimal("0") if self.closed_at else self.amount - self.paid


class ReserveChange(models.Model):
    id = models.BigAutoField(primary_key=True)
    reserve = models.ForeignKey(Reserve, on_delete=models.CASCADE, related_name="changes")
    previous_amount = models.DecimalField(max_digits=14, decimal_places=2)
    new_amount = models.DecimalField(max_digits=14, decimal_places=2)
    reason = models.CharField(max_length=500)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.reserve_id}: {self.previous_amount} -> {self.new_amount}"


class ClaimSettlement(BaseModel):
    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        APPROVED = "approved", "Approved"
        PAID = "paid", "Paid"
        REJECTED = "rejected", "Rejected"

    class Method(models.TextChoices):
        BANK_TRANSFER = "bank_transfer", "Bank transfer"
        MPESA = "mpesa", "M-Pesa"
        CHEQUE = "cheque", "Cheque"

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="settlements")
    amount = models.DecimalField(max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))])
    currency = models.CharField(max_length=3, choices=CURRENCIES)
    cost_type = models.CharField(max_length=16, choices=CostType.choices, default=CostType.OWN_DAMAGE)
    payee = EncryptedTextField(max_length=200)  # a person's name: sealed at rest
    method = models.CharField(max_length=16, choices=Method.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    paid_transaction = models.OneToOneField(
        "payments.Transaction", null=True, blank=True, on_delete=models.PROTECT, related_name="claim_settlement"
    )
    note = models.CharField(max_length=500, blank=True)  # internal: never shown to the customer
    # Once approved, the settlement is an offer to the customer, who accepts or declines it (or staff
    # record the customer's answer, e.g. given by phone). Only an accepted offer is paid.
    approved_at = models.DateTimeField(null=True, blank=True)
    customer_decision = models.CharField(max_length=8, choices=Decision.choices, blank=True)
    customer_decision_reason = models.CharField(max_length=500, blank=True)  # the customer's words
    customer_decided_at = models.DateTimeField(null=True, blank=True)
    customer_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Staff who recorded the answer on the customer's behalf say how they got it (internal).
    customer_decision_note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim"],
                condition=models.Q(status__in=["proposed", "approved"]),
                name="claims_one_open_settlement",
            )
        ]

    def __str__(self) -> str:
        return f"{self.claim_id} {self.amount} ({self.status})"


class DocumentKindAsked(models.TextChoices):
    """The kinds of document staff may ask a customer for: the same values as the documents app's
    DocumentKind (documents sits above claims, so claims names them itself; documents' tests check
    that every value here is one of theirs)."""

    ID = "id", "Identity document"
    DRIVING_LICENCE = "driving_licence", "Driving licence"
    VEHICLE_REGISTRATION = "vehicle_registration", "Vehicle registration certificate (V5C / logbook)"
    POLICE_REPORT = "police_report", "Police report"
    REPAIR_INVOICE = "repair_invoice", "Repair invoice"
    ESTIMATE = "estimate", "Estimate"
    MEDICAL_REPORT = "medical_report", "Medical report"
    PHOTO = "photo", "Photo"
    OTHER = "other", "Other"


class DocumentRequest(BaseModel):
    """Staff ask the claim's customer for a document of a kind, with a note to them. Uploading a
    document of that kind to the claim fulfils the oldest open request of the kind (the documents
    app calls services.document_request_fulfil); staff may cancel an open one."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="document_requests")
    kind = models.CharField(max_length=32, choices=DocumentKindAsked.choices)
    note = models.CharField(max_length=500, blank=True)  # to the customer: they read it
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    # The document's id (no foreign key: documents sits above claims; a deleted document leaves it).
    fulfilled_by_document = models.UUIDField(null=True, blank=True)
    fulfilled_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["requested_at", "id"]
        indexes = [models.Index(fields=["claim", "kind", "requested_at"], name="claims_docrequest_open")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(fulfilled_at__isnull=True) | models.Q(cancelled_at__isnull=True),
                name="claims_docrequest_fulfilled_or_cancelled",
            )
        ]

    def __str__(self) -> str:
        return f"{self.claim_id} asks {self.kind}"

    @property
    def state(self) -> str:
        if self.fulfilled_at:
            return "fulfilled"
        return "cancelled" if self.cancelled_at else "open"


# Module-level names for the nested choices (the OpenAPI schema's enum names refer to them).
CommunicationChannel = ClaimCommunication.Channel
CommunicationDirection = ClaimCommunication.Direction
CommunicationParty = ClaimCommunication.Party
SettlementStatus = ClaimSettlement.Status
SettlementMethod = ClaimSettlement.Method
SettlementDecision = ClaimSettlement.Decision
