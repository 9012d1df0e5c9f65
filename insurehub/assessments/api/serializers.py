"""Input validation and output shapes. Staff see everything; customers see the summary and
the served photos, never internal notes, findings detail, estimates or original metadata."""

from decimal import Decimal

from django.urls import reverse
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from insurehub.assessments.completion import BLOCKER_CODES, completion_blockers
from insurehub.assessments.estimating import COMPARISON_FLAGS
from insurehub.assessments.models import (
    Assessment,
    AssessmentSection,
    Estimate,
    EstimateLine,
    EstimateSource,
    LineKind,
    Photo,
    SectionKind,
)
from insurehub.assessments.permissions import can_edit
from insurehub.claims.selectors import display_name
from insurehub.core.serializers import MoneyField, StrictSerializer

ZERO = Decimal("0")


# --- assessments -------------------------------------------------------------------------


class AssessmentCreateSerializer(StrictSerializer):
    claim = serializers.UUIDField()
    assessor = serializers.UUIDField(required=False, allow_null=True)
    scheduled_at = serializers.DateTimeField(required=False)
    notes = serializers.CharField(required=False, allow_blank=True, max_length=10000, default="")


class AssessmentUpdateSerializer(StrictSerializer):
    assessor = serializers.UUIDField(required=False, allow_null=True)
    scheduled_at = serializers.DateTimeField(required=False)
    overall_severity = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=5)
    notes = serializers.CharField(required=False, allow_blank=True, max_length=10000)
    summary = serializers.CharField(required=False, allow_blank=True, max_length=5000)


class CancelSerializer(StrictSerializer):
    reason = serializers.CharField(max_length=500)


class TotalLossOverrideSerializer(StrictSerializer):
    total_loss = serializers.BooleanField(allow_null=True)
    reason = serializers.CharField(required=False, allow_blank=True, max_length=1000, default="")


class BlockerSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=BLOCKER_CODES)
    message = serializers.CharField()
    sections = serializers.ListField(
        child=serializers.ChoiceField(choices=SectionKind.choices), help_text="For `sections_open`: the open sections."
    )


class AcceptedEstimateSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    source = serializers.CharField()
    total = MoneyField()
    currency = serializers.CharField()


@extend_schema_serializer(description="What a customer sees of their claim's assessment.")
class AssessmentSummarySerializer(serializers.ModelSerializer):
    claim_number = serializers.CharField(source="claim.claim_number", read_only=True)
    total_loss = serializers.BooleanField(read_only=True, allow_null=True)

    class Meta:
        model = Assessment
        fields = [
            "id",
            "claim",
            "claim_number",
            "status",
            "scheduled_at",
            "started_at",
            "completed_at",
            "completion_percentage",
            "overall_severity",
            "total_loss",
            "summary",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class AssessmentStatusChangeSerializer(serializers.Serializer):
    """One move of an assessment: from, to, who, when, why."""

    from_status = serializers.CharField(read_only=True, help_text="Empty for the first entry (scheduled).")
    to_status = serializers.CharField(read_only=True)
    actor = serializers.UUIDField(source="actor_id", read_only=True, allow_null=True)
    actor_name = serializers.SerializerMethodField()
    reason = serializers.CharField(read_only=True)
    at = serializers.DateTimeField(read_only=True)

    def get_actor_name(self, obj) -> str | None:
        return display_name(obj.actor)


@extend_schema_serializer(
    description=(
        "An assessment as staff see it: everything, including internal notes and the total-loss reasoning "
        "(customers receive the AssessmentSummary fields: the required ones)."
    )
)
class AssessmentSerializer(AssessmentSummarySerializer):
    customer_serializer = AssessmentSummarySerializer  # core/schema.py: the other fields are staff-only
    assessor_name = serializers.CharField(source="assessor.name", read_only=True, default=None, allow_null=True)
    total_loss_overridden_by = serializers.UUIDField(
        source="total_loss_overridden_by_id", read_only=True, allow_null=True
    )
    vehicle_value = MoneyField(read_only=True, allow_null=True)
    accepted_estimate = serializers.SerializerMethodField()
    blockers = serializers.SerializerMethodField(
        help_text=(
            "What still stands between the assessment and its completion (empty when it may be completed): "
            "the same checks `POST .../complete/` makes, so a screen can name them before the click."
        )
    )
    can_edit = serializers.SerializerMethodField(
        help_text="Whether the caller may change it (sections, photos, estimates, total loss, complete)."
    )
    status_history = AssessmentStatusChangeSerializer(
        many=True, read_only=True, help_text="Each move of the assessment, oldest first."
    )

    class Meta(AssessmentSummarySerializer.Meta):
        fields = [
            *AssessmentSummarySerializer.Meta.fields,
            "assessor",
            "assessor_name",
            "notes",
            "total_loss_recommendation",
            "total_loss_reasoning",
            "vehicle_value",
            "total_loss_override",
            "total_loss_override_reason",
            "total_loss_overridden_by",
            "cancelled_at",
            "cancel_reason",
            "accepted_estimate",
            "blockers",
            "can_edit",
            "status_history",
        ]
        read_only_fields = fields

    @staticmethod
    def _accepted(obj) -> list:
        accepted = getattr(obj, "accepted_estimates", None)
        return accepted if accepted is not None else list(obj.estimates.filter(status="accepted"))

    @extend_schema_field(AcceptedEstimateSerializer(allow_null=True))
    def get_accepted_estimate(self, obj):
        accepted = self._accepted(obj)
        return AcceptedEstimateSerializer(accepted[0]).data if accepted else None

    @extend_schema_field(BlockerSerializer(many=True))
    def get_blockers(self, obj):
        blockers = completion_blockers(
            status=obj.status, sections=obj.sections.all(), accepted_estimates=self._accepted(obj)
        )
        return [blocker.as_dict() for blocker in blockers]

    def get_can_edit(self, obj) -> bool:
        request = self.context.get("request")
        return request is not None and can_edit(request.user, obj)


# --- sections ----------------------------------------------------------------------------


class SectionSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = AssessmentSection
        fields = ["id", "kind", "position", "severity", "completed"]
        read_only_fields = fields


@extend_schema_serializer(
    description="A section as staff see it (customers receive the required fields: no findings or notes)."
)
class SectionSerializer(serializers.ModelSerializer):
    customer_serializer = SectionSummarySerializer  # core/schema.py: the other fields are staff-only
    findings = serializers.JSONField()

    class Meta:
        model = AssessmentSection
        fields = ["id", "kind", "position", "findings", "severity", "notes", "completed", "completed_at", "updated_at"]
        read_only_fields = fields


class SectionUpdateSerializer(StrictSerializer):
    findings = serializers.JSONField(required=False)
    severity = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=5)
    notes = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    completed = serializers.BooleanField(required=False)


class SectionSchemaSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=SectionKind.choices)
    schema = serializers.JSONField()


# --- photos ------------------------------------------------------------------------------


class PhotoUploadSerializer(StrictSerializer):
    files = serializers.ListField(
        child=serializers.FileField(allow_empty_file=True),
        min_length=1,
        help_text="One part per photo (JPEG, PNG, WebP or TIFF); a single part may be named `file`.",
    )
    caption = serializers.CharField(
        required=False, allow_blank=True, max_length=300, default="", help_text="Caption for every photo sent."
    )
    section = serializers.ChoiceField(
        choices=SectionKind.choices,
        required=False,
        allow_null=True,
        help_text="The section of the assessment the photos belong to.",
    )
    taken_at = serializers.DateTimeField(
        required=False, allow_null=True, help_text="When they were taken, if the photos' own metadata is wrong."
    )


class PhotoUpdateSerializer(StrictSerializer):
    caption = serializers.CharField(required=False, allow_blank=True, max_length=300)
    section = serializers.ChoiceField(choices=SectionKind.choices, required=False, allow_null=True)
    position = serializers.IntegerField(required=False, min_value=0, max_value=100000)
    taken_at = serializers.DateTimeField(required=False, allow_null=True)


@extend_schema_serializer(
    description="A gallery item: links to the served copy and the thumbnail (both without personal metadata)."
)
class PhotoSerializer(serializers.ModelSerializer):
    section = serializers.ChoiceField(
        source="section.kind", choices=SectionKind.choices, read_only=True, default=None, allow_null=True
    )
    # The image is the documents app's (one pipeline): its served copy's size, in pixels and bytes.
    width = serializers.IntegerField(source="document.served_width", read_only=True, allow_null=True)
    height = serializers.IntegerField(source="document.served_height", read_only=True, allow_null=True)
    served_size = serializers.IntegerField(source="document.served_size", read_only=True, allow_null=True)
    url = serializers.SerializerMethodField()
    thumbnail_url = serializers.SerializerMethodField()

    class Meta:
        model = Photo
        fields = [
            "id",
            "status",
            "caption",
            "section",
            "position",
            "taken_at",
            "filename",
            "width",
            "height",
            "served_size",
            "url",
            "thumbnail_url",
            "created_at",
        ]
        read_only_fields = fields

    def _link(self, obj, variant: str) -> str | None:
        if obj.status != "ready":
            return None
        path = reverse(
            "assessment-photo-file",
            kwargs={"assessment_id": obj.assessment_id, "photo_id": obj.pk, "variant": variant},
        )
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    @extend_schema_field(serializers.URLField(allow_null=True, help_text="Null until the photo is ready."))
    def get_url(self, obj):
        return self._link(obj, "full")

    @extend_schema_field(serializers.URLField(allow_null=True, help_text="Null until the photo is ready."))
    def get_thumbnail_url(self, obj):
        return self._link(obj, "thumbnail")


@extend_schema_serializer(
    description=(
        "A gallery item as staff see it: also the original's metadata (device, times, GPS) and its fingerprints "
        "(customers receive the Photo fields: the required ones)."
    )
)
class StaffPhotoSerializer(PhotoSerializer):
    customer_serializer = PhotoSerializer  # core/schema.py: the other fields are staff-only
    original_metadata = serializers.JSONField(source="document.private_metadata", read_only=True, allow_null=True)
    perceptual_hash = serializers.CharField(source="document.perceptual_hash", read_only=True)
    uploaded_by = serializers.UUIDField(source="uploaded_by_id", read_only=True)
    document = serializers.UUIDField(source="document_id", read_only=True, allow_null=True)

    class Meta(PhotoSerializer.Meta):
        fields = [
            *PhotoSerializer.Meta.fields,
            "uploaded_by",
            "document",
            "sha256",
            "original_size",
            "perceptual_hash",
            "original_metadata",
        ]
        read_only_fields = fields


# --- estimates ---------------------------------------------------------------------------


class LineInputSerializer(StrictSerializer):
    kind = serializers.ChoiceField(choices=LineKind.choices)
    description = serializers.CharField(max_length=300)
    part_number = serializers.CharField(required=False, allow_blank=True, max_length=64, default="")
    quantity = serializers.DecimalField(max_digits=10, decimal_places=2, min_value=ZERO, required=False)
    unit_price = serializers.DecimalField(max_digits=14, decimal_places=2, min_value=ZERO, required=False)
    hours = serializers.DecimalField(max_digits=8, decimal_places=2, min_value=ZERO, required=False, allow_null=True)
    rate = serializers.DecimalField(max_digits=14, decimal_places=2, min_value=ZERO, required=False, allow_null=True)
    tax_rate = serializers.DecimalField(
        max_digits=5, decimal_places=2, min_value=ZERO, max_value=Decimal("100"), required=False, default=ZERO
    )

    def validate(self, attrs):
        if attrs["kind"] != LineKind.LABOUR and "unit_price" not in attrs:
            raise serializers.ValidationError({"unit_price": "Required for parts, paint and other lines."})
        if attrs["kind"] == LineKind.LABOUR:
            missing = {f: "Required for labour lines." for f in ("hours", "rate") if attrs.get(f) is None}
            if missing:
                raise serializers.ValidationError(missing)
        return attrs


class EstimateCreateSerializer(StrictSerializer):
    source = serializers.ChoiceField(choices=EstimateSource.choices)
    supplier = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")
    reference = serializers.CharField(required=False, allow_blank=True, max_length=100, default="")
    notes = serializers.CharField(required=False, allow_blank=True, max_length=5000, default="")
    currency = serializers.CharField(required=False, max_length=3)
    lines = LineInputSerializer(many=True, max_length=500)


class EstimateUpdateSerializer(StrictSerializer):
    source = serializers.ChoiceField(choices=EstimateSource.choices, required=False)
    supplier = serializers.CharField(required=False, allow_blank=True, max_length=200)
    reference = serializers.CharField(required=False, allow_blank=True, max_length=100)
    notes = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    currency = serializers.CharField(required=False, max_length=3)
    lines = LineInputSerializer(many=True, required=False, max_length=500)


class LineSerializer(serializers.ModelSerializer):
    unit_price = MoneyField()
    rate = MoneyField(allow_null=True)
    net = MoneyField()
    tax = MoneyField()
    total = MoneyField()

    class Meta:
        model = EstimateLine
        fields = [
            "position",
            "kind",
            "description",
            "part_number",
            "quantity",
            "unit_price",
            "hours",
            "rate",
            "tax_rate",
            "net",
            "tax",
            "total",
        ]
        read_only_fields = fields


class EstimateSerializer(serializers.ModelSerializer):
    subtotal = MoneyField()
    tax_total = MoneyField()
    total = MoneyField()
    lines = LineSerializer(many=True, read_only=True)
    created_by = serializers.UUIDField(source="created_by_id", read_only=True)
    accepted_by = serializers.UUIDField(source="accepted_by_id", read_only=True, allow_null=True)

    class Meta:
        model = Estimate
        fields = [
            "id",
            "assessment",
            "source",
            "supplier",
            "reference",
            "status",
            "currency",
            "subtotal",
            "tax_total",
            "total",
            "notes",
            "lines",
            "created_by",
            "accepted_by",
            "accepted_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ComparisonCellSerializer(serializers.Serializer):
    estimate = serializers.UUIDField()
    amount = MoneyField(allow_null=True)
    difference = MoneyField(allow_null=True)
    variance_percent = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    flag = serializers.ChoiceField(choices=COMPARISON_FLAGS, allow_null=True)


class ComparisonLineSerializer(serializers.Serializer):
    key = serializers.CharField()
    kind = serializers.CharField()
    description = serializers.CharField()
    cells = ComparisonCellSerializer(many=True)
    flagged = serializers.BooleanField()


class ComparisonEstimateSerializer(serializers.Serializer):
    estimate = serializers.UUIDField()
    source = serializers.CharField()
    supplier = serializers.CharField()
    status = serializers.CharField()
    currency = serializers.CharField()
    subtotal = MoneyField()
    tax_total = MoneyField()
    total = MoneyField()
    difference = MoneyField()
    variance_percent = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    flagged = serializers.BooleanField()


class ComparisonSerializer(serializers.Serializer):
    baseline = serializers.UUIDField()
    threshold_percent = serializers.DecimalField(max_digits=6, decimal_places=2)
    estimates = ComparisonEstimateSerializer(many=True)
    lines = ComparisonLineSerializer(many=True)
    flagged_lines = serializers.IntegerField()


# The estimates list answers either shape: the estimates, or with `?compare=1` their comparison.
EstimatesOrComparisonSerializer = PolymorphicProxySerializer(
    component_name="EstimatesOrComparison",
    serializers=[EstimateSerializer(many=True), ComparisonSerializer],
    resource_type_field_name=None,
    many=False,
)
