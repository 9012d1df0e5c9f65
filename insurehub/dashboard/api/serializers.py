"""The shapes of the dashboard's answers, for the OpenAPI schema (and so for the web app's
generated types). The selectors build plain dicts; these describe them field by field."""

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from insurehub.claims.api.serializers import ClaimListSerializer


class RangeOutSerializer(serializers.Serializer):
    locals()["from"] = serializers.DateField()
    to = serializers.DateField()
    departments = serializers.ListField(
        child=serializers.CharField(), allow_null=True, help_text="null: every department."
    )


class NewClaimsSerializer(serializers.Serializer):
    today = serializers.IntegerField()
    locals()["7_days"] = serializers.IntegerField()
    locals()["30_days"] = serializers.IntegerField()


class PeriodFiguresSerializer(serializers.Serializer):
    new_claims = serializers.IntegerField()
    settled_claims = serializers.IntegerField()
    settled_amount = serializers.DecimalField(max_digits=18, decimal_places=2)
    mean_cycle_days = serializers.FloatField(allow_null=True)
    median_cycle_days = serializers.FloatField(allow_null=True)
    approval_rate = serializers.FloatField(allow_null=True, help_text="Share of decisions that approved, 0-1.")
    rejection_rate = serializers.FloatField(allow_null=True)


class AssessmentFiguresSerializer(serializers.Serializer):
    in_progress = serializers.IntegerField(allow_null=True)
    mean_completion = serializers.FloatField(allow_null=True)


@extend_schema_serializer(
    description=(
        "Staff see their scope's figures from the rollups; an assessor sees their own claims' (then `range`, "
        "`new_claims`, `open_reserves`, `period` and `previous_period` are absent and `assigned_in_period` "
        "is present)."
    )
)
class KpiSerializer(serializers.Serializer):
    as_of = serializers.DateTimeField(
        help_text=(
            "When these figures were computed. Answers are cached for up to `DASHBOARD_CACHE_SECONDS`; a change "
            "to claims or assessments starts fresh figures at once, so only clock-driven figures (SLA breaches, "
            "today's claims) can be that old."
        )
    )
    currency = serializers.CharField(help_text="ISO 4217 code of the amounts.")
    range = RangeOutSerializer(required=False)
    open_claims = serializers.IntegerField()
    new_claims = NewClaimsSerializer(required=False)
    claims_by_status = serializers.DictField(child=serializers.IntegerField())
    claims_by_priority = serializers.DictField(child=serializers.IntegerField())
    sla_breaches_open = serializers.IntegerField()
    estimated_exposure = serializers.DecimalField(max_digits=18, decimal_places=2)
    open_reserves = serializers.DecimalField(max_digits=18, decimal_places=2, required=False)
    settled_amount_this_month = serializers.DecimalField(max_digits=18, decimal_places=2, required=False)
    period = PeriodFiguresSerializer(required=False)
    previous_period = PeriodFiguresSerializer(required=False)
    assigned_in_period = serializers.IntegerField(required=False)
    assessments = AssessmentFiguresSerializer()


class ClaimsOverviewSerializer(serializers.Serializer):
    status_priority_matrix = serializers.DictField(
        child=serializers.DictField(child=serializers.IntegerField()),
        help_text="status -> priority -> open claim count.",
    )
    aging = serializers.DictField(child=serializers.IntegerField(), help_text="Open claims by days since filing.")
    my_queue = ClaimListSerializer(many=True, help_text="The caller's open assigned claims, earliest SLA first.")
    recently_changed = ClaimListSerializer(many=True, help_text="The claims in scope changed last.")


class AssessorLoadSerializer(serializers.Serializer):
    assessor = serializers.UUIDField()
    name = serializers.CharField(help_text="May be empty: show the e-mail then.")
    email = serializers.EmailField()
    open = serializers.IntegerField()


class AssessmentsOverviewSerializer(serializers.Serializer):
    available = serializers.BooleanField()
    by_status = serializers.DictField(child=serializers.IntegerField(), required=False)
    overdue = serializers.IntegerField(required=False)
    completion_distribution = serializers.DictField(child=serializers.IntegerField(), required=False)
    assessor_load = AssessorLoadSerializer(many=True, required=False)


class TrendDaySerializer(serializers.Serializer):
    day = serializers.DateField()
    new = serializers.IntegerField()
    settled = serializers.IntegerField()
    settled_amount = serializers.DecimalField(max_digits=18, decimal_places=2)


class TrendSerializer(serializers.Serializer):
    range = RangeOutSerializer()
    currency = serializers.CharField(help_text="ISO 4217 code of the amounts.")
    days = TrendDaySerializer(many=True)


class SeverityCountsSerializer(serializers.Serializer):
    low = serializers.IntegerField()
    medium = serializers.IntegerField()
    high = serializers.IntegerField()
    critical = serializers.IntegerField()


class AlertSummarySerializer(serializers.Serializer):
    open = serializers.IntegerField(help_text="Open alerts the caller may see (in `department` when given).")
    by_severity = SeverityCountsSerializer()
