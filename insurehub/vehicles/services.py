from django.db import transaction

from insurehub.audit.services import audit_record
from insurehub.core.errors import ApplicationError
from insurehub.core.services import model_update
from insurehub.vehicles.models import Vehicle

EDITABLE = ["registration", "vin", "make", "model", "year", "colour", "estimated_value"]


def _unique_or_conflict(vehicle: Vehicle) -> None:
    clashes = Vehicle.objects.exclude(pk=vehicle.pk)
    for field in ("registration", "vin"):
        if clashes.filter(**{field: getattr(vehicle, field)}).exists():
            raise ApplicationError(
                f"{field}_taken",
                f"A vehicle with this {field} is already registered.",
                status=409,
                errors=[{"field": field, "message": "Already registered.", "code": "unique"}],
            )


@transaction.atomic
def vehicle_create(*, owner, created_by, **data) -> Vehicle:
    vehicle = Vehicle(owner=owner, **data)
    vehicle.full_clean(validate_unique=False)
    _unique_or_conflict(vehicle)
    vehicle.save()
    audit_record(
        actor=created_by, action="vehicle.created", target=vehicle, changes={"registration": vehicle.registration}
    )
    return vehicle


@transaction.atomic
def vehicle_update(*, vehicle: Vehicle, data: dict, updated_by) -> Vehicle:
    vehicle = Vehicle.objects.select_for_update().get(pk=vehicle.pk)
    if vehicle.policies.filter(status__in=["active", "pending_payment"]).exists() and (
        {"vin", "registration"} & set(data)
    ):
        raise ApplicationError(
            "vehicle_insured", "An insured vehicle's VIN and registration cannot change.", status=409
        )
    for field in ("registration", "vin"):
        if field in data:
            probe = Vehicle(**{**{f: getattr(vehicle, f) for f in EDITABLE}, field: data[field]}, owner=vehicle.owner)
            probe.clean()
            data = {**data, field: getattr(probe, field)}
    changes = model_update(instance=vehicle, fields=EDITABLE, data=data)
    _unique_or_conflict(vehicle)
    if changes:
        audit_record(actor=updated_by, action="vehicle.updated", target=vehicle, changes=changes)
    return vehicle


@transaction.atomic
def vehicle_delete(*, vehicle: Vehicle, deleted_by) -> None:
    if vehicle.policies.exists():
        raise ApplicationError("vehicle_has_policies", "A vehicle with policies cannot be deleted.", status=409)
    audit_record(actor=deleted_by, action="vehicle.deleted", target=vehicle)
    vehicle.delete()
