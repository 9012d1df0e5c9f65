"""Cost estimates: lines computed on the server, one accepted estimate per assessment."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from insurehub.assessments.estimating import line_amounts, totals
from insurehub.assessments.models import (
    Assessment,
    Estimate,
    EstimateLine,
    EstimateStatus,
)
from insurehub.assessments.services.editing import _error, _event, _locked_for_edit, _mark_started
from insurehub.assessments.services.total_loss import _evaluate_total_loss
from insurehub.audit.services import audit_record
from insurehub.core.errors import ApplicationError
from insurehub.core.services import model_update


def _lines(estimate: Estimate, lines: list[dict]) -> list[EstimateLine]:
    built = []
    for position, line in enumerate(lines):
        kind = line["kind"]
        quantity = Decimal(line.get("quantity") if line.get("quantity") is not None else "1")
        unit_price = Decimal(line.get("unit_price") if line.get("unit_price") is not None else "0")
        hours, rate = line.get("hours"), line.get("rate")
        if kind == "labour" and (hours is None or rate is None):
            raise ApplicationError(
                "invalid_line",
                "A labour line needs hours and a rate.",
                errors=[_error(f"lines.{position}.hours", "required", "Labour needs hours and rate.")],
            )
        amounts = line_amounts(
            kind=kind,
            quantity=quantity,
            unit_price=unit_price,
            hours=hours,
            rate=rate,
            tax_rate=line.get("tax_rate") or Decimal("0"),
        )
        item = EstimateLine(
            estimate=estimate,
            position=position,
            kind=kind,
            description=line["description"].strip(),
            part_number=(line.get("part_number") or "").strip(),
            quantity=quantity,
            unit_price=unit_price,
            hours=hours,
            rate=rate,
            tax_rate=line.get("tax_rate") or Decimal("0"),
            net=amounts.net,
            tax=amounts.tax,
            total=amounts.total,
        )
        item.full_clean(exclude=["estimate"])
        built.append(item)
    return built


def _store_lines(estimate: Estimate, lines: list[dict]) -> None:
    built = _lines(estimate, lines)
    EstimateLine.objects.filter(estimate=estimate).delete()
    EstimateLine.objects.bulk_create(built)
    estimate.subtotal, estimate.tax_total, estimate.total = totals(built)
    estimate.full_clean()
    estimate.save()


def _check_currency(assessment: Assessment, currency: str | None) -> str:
    claim_currency = assessment.claim.currency
    if currency and currency != claim_currency:
        raise ApplicationError(
            "currency_mismatch",
            f"Estimates on this claim are in {claim_currency}.",
            errors=[_error("currency", "currency_mismatch", f"Use {claim_currency}.")],
        )
    return claim_currency


@transaction.atomic
def estimate_create(
    *,
    assessment: Assessment,
    source: str,
    lines: list[dict],
    created_by,
    supplier: str = "",
    reference: str = "",
    notes: str = "",
    currency: str | None = None,
) -> Estimate:
    locked = _locked_for_edit(assessment, created_by)
    estimate = Estimate(
        assessment=locked,
        source=source,
        supplier=supplier,
        reference=reference,
        notes=notes,
        currency=_check_currency(locked, currency),
        created_by=created_by,
    )
    estimate.full_clean()
    estimate.save()
    _store_lines(estimate, lines)
    _mark_started(locked, created_by)
    audit_record(
        actor=created_by,
        action="assessment.estimate_created",
        target=estimate,
        changes={"assessment": str(locked.pk), "source": source, "total": estimate.total, "lines": len(lines)},
    )
    _event(locked, "estimate", estimate=str(estimate.pk))
    return estimate


def _locked_estimate(estimate: Estimate, actor) -> tuple[Assessment, Estimate]:
    assessment = _locked_for_edit(estimate.assessment, actor)
    return assessment, Estimate.objects.select_for_update().get(pk=estimate.pk)


@transaction.atomic
def estimate_update(*, estimate: Estimate, data: dict, updated_by) -> Estimate:
    assessment, locked = _locked_estimate(estimate, updated_by)
    if locked.status == EstimateStatus.ACCEPTED:
        raise ApplicationError(
            "estimate_accepted", "An accepted estimate cannot be changed; accept another one instead.", status=409
        )
    if "currency" in data:
        _check_currency(assessment, data["currency"])
    changes = model_update(instance=locked, fields=["source", "supplier", "reference", "notes"], data=data)
    if "lines" in data:
        before = locked.total
        _store_lines(locked, data["lines"])
        changes["total"] = [before, locked.total]
    if changes:
        _mark_started(assessment, updated_by)
        audit_record(actor=updated_by, action="assessment.estimate_updated", target=locked, changes=changes)
        _event(assessment, "estimate", estimate=str(locked.pk))
    return locked


@transaction.atomic
def estimate_delete(*, estimate: Estimate, deleted_by) -> None:
    assessment, locked = _locked_estimate(estimate, deleted_by)
    was_accepted = locked.status == EstimateStatus.ACCEPTED
    audit_record(
        actor=deleted_by,
        action="assessment.estimate_deleted",
        target=locked,
        changes={"source": locked.source, "total": locked.total, "status": locked.status},
    )
    estimate_id = str(locked.pk)
    locked.delete()
    if was_accepted:
        _evaluate_total_loss(assessment, None)
    _event(assessment, "estimate_deleted", estimate=estimate_id)


@transaction.atomic
def estimate_accept(*, estimate: Estimate, accepted_by) -> Estimate:
    """This estimate is the one the claim is settled on; any other accepted one goes back to
    draft. The total-loss recommendation follows."""
    assessment, locked = _locked_estimate(estimate, accepted_by)
    if not locked.lines.exists():
        raise ApplicationError("empty_estimate", "An estimate without lines cannot be accepted.", status=409)
    if locked.status != EstimateStatus.ACCEPTED:
        Estimate.objects.filter(assessment=assessment, status=EstimateStatus.ACCEPTED).update(
            status=EstimateStatus.DRAFT, accepted_at=None, accepted_by=None, updated_at=timezone.now()
        )
        locked.status = EstimateStatus.ACCEPTED
        locked.accepted_at = timezone.now()
        locked.accepted_by = accepted_by
        locked.save(update_fields=["status", "accepted_at", "accepted_by", "updated_at"])
    _evaluate_total_loss(assessment, locked)
    _mark_started(assessment, accepted_by)
    audit_record(
        actor=accepted_by,
        action="assessment.estimate_accepted",
        target=locked,
        changes={
            "total": locked.total,
            "total_loss_recommendation": assessment.total_loss_recommendation,
        },
    )
    _event(assessment, "estimate_accepted", estimate=str(locked.pk), total_loss=assessment.total_loss)
    return locked
