"""Reading assessments: they follow their claim's visibility (claims.selectors.claims_visible_to)."""

from django.db.models import Prefetch, QuerySet

from insurehub.assessments.models import (
    Assessment,
    AssessmentStatus,
    AssessmentStatusHistory,
    Estimate,
    EstimateLine,
    Photo,
    PhotoStatus,
)
from insurehub.claims.selectors import claims_visible_to


def assessments_visible_to(user) -> QuerySet[Assessment]:
    return Assessment.objects.filter(claim__in=claims_visible_to(user))


def assessment_list(user) -> QuerySet[Assessment]:
    return assessments_visible_to(user).select_related("claim", "assessor")


def assessment_detail(user) -> QuerySet[Assessment]:
    accepted = Estimate.objects.filter(status="accepted")
    history = AssessmentStatusHistory.objects.select_related("actor").order_by("at", "id")
    return assessment_list(user).prefetch_related(
        "sections",
        Prefetch("estimates", queryset=accepted, to_attr="accepted_estimates"),
        Prefetch("status_history", queryset=history),
    )


def active_assessment_of(user, claim_id) -> Assessment | None:
    return assessment_detail(user).filter(claim_id=claim_id).exclude(status=AssessmentStatus.CANCELLED).first()


def photos_of(assessment: Assessment, *, served_only: bool = False) -> QuerySet[Photo]:
    photos = Photo.objects.filter(assessment=assessment).select_related("section", "uploaded_by", "document")
    return photos.filter(status=PhotoStatus.READY) if served_only else photos


def estimates_of(assessment: Assessment) -> QuerySet[Estimate]:
    lines = EstimateLine.objects.order_by("position")
    return (
        Estimate.objects.filter(assessment=assessment)
        .select_related("created_by", "accepted_by")
        .prefetch_related(Prefetch("lines", queryset=lines))
    )


def accepted_estimate(assessment: Assessment) -> Estimate | None:
    return estimates_of(assessment).filter(status="accepted").first()
