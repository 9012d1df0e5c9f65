from django.db import transaction
from django.db.models import Q

from insurehub.audit.services import audit_record
from insurehub.core.errors import ApplicationError
from insurehub.core.roles import Department
from insurehub.core.services import model_update
from insurehub.realtime import groups
from insurehub.realtime.events import emit
from insurehub.vehicles.models import Vehicle, registration_index

EDITABLE = ["registration", "vin", "make", "model", "year", "colour", "estimated_value"]
IDENTITY_FIELDS = ("registration", "vin")


def _identity_lookup(vehicle: Vehicle, field: str) -> dict:
    """The equality lookup of one identity field: the registration is sealed, so by its blind index."""
    if field == "registration":
        return {"registration_hash": registration_index(vehicle.registration)}
    return {field: getattr(vehicle, field)}


def _unique_or_conflict(vehicle: Vehicle) -> None:
    """The same owner cannot register one vehicle twice (their own data: saying so reveals nothing)."""
    clashes = Vehicle.objects.filter(owner_id=vehicle.owner_id).exclude(pk=vehicle.pk)
    for field in IDENTITY_FIELDS:
        if clashes.filter(**_identity_lookup(vehicle, field)).exists():
            raise ApplicationError(
                f"{field}_taken",
                f"You have already registered a vehicle with this {field}.",
                status=409,
                errors=[{"field": field, "message": "Already registered.", "code": "unique"}],
            )


def vehicle_identity_shared(*, vehicle: Vehicle, fields: list[str] | None = None) -> None:
    """Flag to staff, never to the customer, that another customer holds this vehicle's VIN or
    registration: a sold car, a typing error, double insurance or a cloned identity, for
    underwriting to look at. The answer to the customer is the same as for a fresh vehicle."""
    fields = list(fields or IDENTITY_FIELDS)
    lookups = {field: _identity_lookup(vehicle, field) for field in fields}
    matches = Q()
    for lookup in lookups.values():
        matches |= Q(**lookup)
    others = list(
        Vehicle.objects.filter(matches)
        .exclude(owner_id=vehicle.owner_id)
        .order_by("created_at")
        .values("pk", "owner_id", "registration_hash", "vin")
    )
    if not others:
        return
    shared = sorted(
        {
            field
            for other in others
            for field, lookup in lookups.items()
            if all(other[column] == value for column, value in lookup.items())
        }
    )
    data = {
        "vehicle_id": str(vehicle.pk),
        "owner_id": str(vehicle.owner_id),
        # Never the registration: it is sealed in its table, and this data is kept in the outbox,
        # the alert and the audit log in the clear. Staff open the vehicle to see it.
        "vehicle": f"{vehicle.make} {vehicle.model} {vehicle.year}",
        "vin": vehicle.vin,
        "shared": shared,
        "other_vehicle_ids": [str(other["pk"]) for other in others],
        "other_owner_ids": sorted({str(other["owner_id"]) for other in others}),
        "department": Department.MOTOR,
    }
    audit_record(actor=None, action="vehicle.identity_shared", target=vehicle, changes=data)
    emit("vehicle.identity_shared", data, [groups.department_group(Department.MOTOR)])


@transaction.atomic
def vehicle_create(*, owner, created_by, **data) -> Vehicle:
    vehicle = Vehicle(owner=owner, **data)
    vehicle.full_clean(validate_unique=False, validate_constraints=False)  # _unique_or_conflict answers 409
    _unique_or_conflict(vehicle)
    vehicle.save()
    audit_record(
        actor=created_by, action="vehicle.created", target=vehicle, changes={"registration": vehicle.registration}
    )
    vehicle_identity_shared(vehicle=vehicle)
    return vehicle


@transaction.atomic
def vehicle_update(*, vehicle: Vehicle, data: dict, updated_by) -> Vehicle:
    vehicle = Vehicle.objects.select_for_update(no_key=True).get(pk=vehicle.pk)
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
    _unique_or_conflict(
        Vehicle(
            pk=vehicle.pk,
            owner_id=vehicle.owner_id,
            **{field: data.get(field, getattr(vehicle, field)) for field in IDENTITY_FIELDS},
        )
    )
    changes = model_update(instance=vehicle, fields=EDITABLE, data=data)
    if changes:
        audit_record(actor=updated_by, action="vehicle.updated", target=vehicle, changes=changes)
        changed_identity = [field for field in IDENTITY_FIELDS if field in changes]
        if changed_identity:
            vehicle_identity_shared(vehicle=vehicle, fields=changed_identity)
    return vehicle


@transaction.atomic
def vehicle_delete(*, vehicle: Vehicle, deleted_by) -> None:
    if vehicle.policies.exists():
        raise ApplicationError("vehicle_has_policies", "A vehicle with policies cannot be deleted.", status=409)
    audit_record(actor=deleted_by, action="vehicle.deleted", target=vehicle)
    vehicle.delete()
