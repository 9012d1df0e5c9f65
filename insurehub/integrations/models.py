"""What the outside providers told us, kept with the raw answer for the record.

Models never call the network: services.py runs the providers and writes these rows.
"""

from django.conf import settings
from django.db import models

from insurehub.core.models import BaseModel
from insurehub.integrations.results import ResultStatus


class CheckStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    OK = ResultStatus.OK.value, ResultStatus.OK.label
    NOT_FOUND = ResultStatus.NOT_FOUND.value, ResultStatus.NOT_FOUND.label
    INVALID = ResultStatus.INVALID.value, ResultStatus.INVALID.label
    NOT_CONFIGURED = ResultStatus.NOT_CONFIGURED.value, ResultStatus.NOT_CONFIGURED.label
    UNAVAILABLE = ResultStatus.UNAVAILABLE.value, ResultStatus.UNAVAILABLE.label
    RATE_LIMITED = ResultStatus.RATE_LIMITED.value, ResultStatus.RATE_LIMITED.label
    FAILED = ResultStatus.FAILED.value, ResultStatus.FAILED.label


# Final answers: a task that finds one of these has nothing left to do.
FINAL_STATUSES = frozenset({CheckStatus.OK, CheckStatus.NOT_FOUND, CheckStatus.INVALID, CheckStatus.NOT_CONFIGURED})


class VehicleCheckKind(models.TextChoices):
    DVLA = "dvla", "DVLA vehicle enquiry"
    HPI = "hpi", "Vehicle history (HPI-style)"
    VIN = "vin", "VIN decoding"


class VehicleCheck(BaseModel):
    Kind = VehicleCheckKind

    vehicle = models.ForeignKey("vehicles.Vehicle", on_delete=models.CASCADE, related_name="checks")
    # Set when the check was run as part of a claim's enrichment.
    claim = models.ForeignKey(
        "claims.Claim", null=True, blank=True, on_delete=models.SET_NULL, related_name="vehicle_checks"
    )
    kind = models.CharField(max_length=8, choices=Kind.choices)
    provider = models.CharField(max_length=32, blank=True)
    status = models.CharField(max_length=16, choices=CheckStatus.choices, default=CheckStatus.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    raw_payload = models.JSONField(default=dict, blank=True)
    result = models.JSONField(default=dict, blank=True)
    # Contradictions with our record of the vehicle, e.g. ["stolen", "make_mismatch"].
    findings = models.JSONField(default=list, blank=True)
    error_code = models.CharField(max_length=64, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    fetched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["vehicle", "kind", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} check of {self.vehicle_id}: {self.status}"

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_STATUSES


class EnrichmentStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    PARTIAL = "partial", "Partial (some providers to retry)"
    COMPLETE = "complete", "Complete"


class ClaimEnrichment(BaseModel):
    """What the outside world says about a claim's incident: where it was, the weather there and
    then, how far from the policyholder's home, and the vehicle checks; `risk_flags` lists what
    contradicts the claim or deserves a look. Each part keeps its own status so a retry only
    redoes what is not final."""

    claim = models.OneToOneField("claims.Claim", on_delete=models.CASCADE, related_name="enrichment")
    status = models.CharField(max_length=12, choices=EnrichmentStatus.choices, default=EnrichmentStatus.PENDING)
    # part name -> {"status", "provider", "error_code", "error", "fetched_at"}; parts: incident_location,
    # home_location, weather, vehicle_dvla, vehicle_hpi, vehicle_vin
    parts = models.JSONField(default=dict, blank=True)
    incident_location = models.JSONField(default=dict, blank=True)
    home_location = models.JSONField(default=dict, blank=True)
    weather = models.JSONField(default=dict, blank=True)
    distance_from_home_km = models.DecimalField(max_digits=8, decimal_places=1, null=True, blank=True)
    risk_flags = models.JSONField(default=list, blank=True)
    raw_payloads = models.JSONField(default=dict, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    fetched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"enrichment of {self.claim_id}: {self.status}"
