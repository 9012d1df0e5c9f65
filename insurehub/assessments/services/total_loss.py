"""The total-loss recommendation (from the accepted estimate and the vehicle's value) and the
assessor's override."""

from decimal import Decimal

from django.conf import settings
from django.db import transaction

from insurehub.assessments.estimating import cents
from insurehub.assessments.models import (
    Assessment,
    Estimate,
)
from insurehub.assessments.services.editing import _error, _event, _locked_for_edit, _mark_started
from insurehub.audit.services import audit_record
from insurehub.claims.models import Claim
from insurehub.core.errors import ApplicationError


def _vehicle_of(claim: Claim):
    if claim.vehicle_id:
        return claim.vehicle
    return getattr(claim.policy, "vehicle", None)


def _evaluate_total_loss(assessment: Assessment, estimate: Estimate | None) -> None:
    """Set the recommendation from the accepted estimate and the vehicle's value."""
    share = Decimal(settings.ASSESSMENTS_TOTAL_LOSS_SHARE)
    vehicle = _vehicle_of(assessment.claim)
    value = vehicle.estimated_value if vehicle is not None else None
    assessment.vehicle_value = value
    if estimate is None:
        assessment.total_loss_recommendation = None
        assessment.total_loss_reasoning = ""
    elif value is None or value <= 0:
        assessment.total_loss_recommendation = None
        assessment.total_loss_reasoning = "No vehicle value is known: no total-loss recommendation."
    elif vehicle.currency != estimate.currency:
        assessment.total_loss_recommendation = None
        assessment.total_loss_reasoning = (
            f"The vehicle is valued in {vehicle.currency} and the estimate is in {estimate.currency}: "
            "compare them by hand."
        )
    else:
        threshold = cents(value * share)
        ratio = cents(estimate.total * 100 / value)
        recommended = estimate.total >= threshold
        assessment.total_loss_recommendation = recommended
        assessment.total_loss_reasoning = (
            f"The accepted estimate ({estimate.total} {estimate.currency}) is {ratio}% of the vehicle's value "
            f"({value} {vehicle.currency}); the total-loss threshold is {cents(share * 100)}% ({threshold}). "
            + ("Repair is uneconomic: total loss recommended." if recommended else "Repair is recommended.")
        )
    assessment.save(update_fields=["vehicle_value", "total_loss_recommendation", "total_loss_reasoning", "updated_at"])


@transaction.atomic
def total_loss_override(*, assessment: Assessment, total_loss: bool | None, reason: str, overridden_by) -> Assessment:
    """The assessor's decision against (or confirming) the recommendation; None withdraws it."""
    locked = _locked_for_edit(assessment, overridden_by)
    reason = reason.strip()
    if total_loss is not None and not reason:
        raise ApplicationError(
            "reason_required", "Say why the recommendation is overridden.",
            errors=[_error("reason", "required", "Required.")],
        )  # fmt: skip
    previous = locked.total_loss_override
    locked.total_loss_override = total_loss
    locked.total_loss_override_reason = reason[:1000] if total_loss is not None else ""
    locked.total_loss_overridden_by = overridden_by if total_loss is not None else None
    locked.full_clean()
    locked.save(
        update_fields=["total_loss_override", "total_loss_override_reason", "total_loss_overridden_by", "updated_at"]
    )
    _mark_started(locked, overridden_by)
    audit_record(
        actor=overridden_by,
        action="assessment.total_loss_overridden",
        target=locked,
        changes={
            "total_loss_override": [previous, total_loss],
            "recommendation": locked.total_loss_recommendation,
            "reason": locked.total_loss_override_reason,
        },
    )
    _event(locked, "total_loss", total_loss=locked.total_loss)
    return locked
