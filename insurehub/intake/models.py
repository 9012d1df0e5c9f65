"""Bulk intake: partners (fleet owners, brokers) with the policies they may file for and their API
keys; imports of CSV/XLSX files of incidents, and one row record per line of the file (its
normalised values, its result: the claim it became or why it was refused)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from insurehub.core.models import BaseModel
from insurehub.core.roles import Department


class PartnerKind(models.TextChoices):
    FLEET_OWNER = "fleet_owner", "Fleet owner"
    BROKER = "broker", "Broker"


class Partner(BaseModel):
    name = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=16, choices=PartnerKind.choices)
    # The department whose supervisors see this partner's imports.
    department = models.CharField(max_length=32, choices=Department.choices, default=Department.MOTOR)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PartnerPolicy(BaseModel):
    """A policy in a partner's scope: the partner may file claims on it (a link table here, so the
    policies app does not know about partners)."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="policy_links")
    policy = models.ForeignKey("policies.Policy", on_delete=models.CASCADE, related_name="+")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partner", "policy"], name="intake_partner_policy_unique")]

    def __str__(self) -> str:
        return f"{self.partner_id} -> {self.policy_id}"


class PartnerApiKey(BaseModel):
    """A partner's key: shown once when made; kept as its SHA-256 (the key is 32 random bytes, so a
    fast hash is enough) and found by its public prefix."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(max_length=80)
    prefix = models.CharField(max_length=16, unique=True)
    key_hash = models.CharField(max_length=64)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.partner_id}:{self.prefix}"


class ImportStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    RUNNING = "running", "Running"
    FINISHED = "finished", "Finished"


class FileFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "XLSX"


class IntakeImport(BaseModel):
    """One file imported (a dry run is never stored). `scope` is whose file it is for replays: the
    same file (SHA-256) again in the same scope answers this import."""

    scope = models.CharField(max_length=64)
    sha256 = models.CharField(max_length=64)
    filename = models.CharField(max_length=255, blank=True)
    file_format = models.CharField(max_length=8, choices=FileFormat.choices)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    partner = models.ForeignKey(Partner, null=True, blank=True, on_delete=models.PROTECT, related_name="imports")
    api_key = models.ForeignKey(PartnerApiKey, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    department = models.CharField(max_length=32, blank=True)
    status = models.CharField(max_length=16, choices=ImportStatus.choices, default=ImportStatus.PENDING)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    refused_count = models.PositiveIntegerField(default=0)
    replayed_count = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["scope", "sha256"], name="intake_import_file_once")]
        indexes = [models.Index(fields=["department", "created_at"], name="intake_import_dept")]

    def __str__(self) -> str:
        return f"{self.filename} ({self.status})"


class RowStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    CREATED = "created", "Created"
    REFUSED = "refused", "Refused"
    REPLAYED = "replayed", "Already imported"


# A row's result in a dry run.
DRY_RUN_STATUSES = [("valid", "Valid"), (RowStatus.REFUSED, "Refused"), (RowStatus.REPLAYED, "Already imported")]


class IntakeRow(models.Model):
    """One line of an imported file. `row_key` names the incident within the import's scope (the
    partner's external reference, else a hash of the row's normalised values): a row whose key was
    already created in the scope is `replayed` (its earlier claim), never filed twice."""

    id = models.BigAutoField(primary_key=True)
    intake_import = models.ForeignKey(IntakeImport, on_delete=models.CASCADE, related_name="rows")
    number = models.PositiveIntegerField()  # the line in the file (the header is line 1)
    scope = models.CharField(max_length=64)
    row_key = models.CharField(max_length=64)
    external_reference = models.CharField(max_length=64, blank=True)
    values = models.JSONField(default=dict)
    status = models.CharField(max_length=16, choices=RowStatus.choices, default=RowStatus.PENDING)
    claim = models.ForeignKey("claims.Claim", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    claim_number = models.CharField(max_length=32, blank=True)
    errors = models.JSONField(default=list)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["intake_import", "number"], name="intake_row_number_unique"),
            models.UniqueConstraint(
                fields=["scope", "row_key"], condition=Q(status="created"), name="intake_row_created_once"
            ),
        ]
        indexes = [models.Index(fields=["intake_import", "status", "number"], name="intake_row_status")]

    def __str__(self) -> str:
        return f"{self.intake_import_id}#{self.number} {self.status}"
