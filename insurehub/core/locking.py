"""One lock order for money and claims, and locks that hold only what they mean.

Two transactions deadlock when each holds a row the other wants next. Every service that locks
more than one of the rows below takes them through `lock_objects`, which locks in ONE order:

    claim -> settlement -> refund -> reserve -> transaction -> instalment -> policy

(by that rank, then by primary key within a kind). A service never locks a row of a kind ranked
before one it already holds in the same transaction: it reads what it needs first (unlocked),
locks everything in order, then checks again what it read. Rows outside the list (vehicle, claim
enrichment, vehicle check, number sequences) are locked last and one at a time.

The locks are FOR NO KEY UPDATE and lock the named table only (`of=("self",)`): they exclude every
other locker and writer of the row, but not a foreign-key check. PostgreSQL checks a new row's
foreign keys (deferred to COMMIT by Django) with FOR KEY SHARE on the rows they point to; a FOR
UPDATE lock on a policy, vehicle or claim made every transaction that inserted a row pointing at
it (a claim, a payment, an alert) wait at its COMMIT for the lock holder, the deadlock issue #14
found between FNOL and the enrichment worker. SQLite ignores row locks (writers run one at a time).
"""

from collections import defaultdict

from django.db import models

LOCK_ORDER: tuple[str, ...] = (
    "claims.claim",
    "claims.claimsettlement",
    "payments.refund",
    "claims.reserve",
    "payments.transaction",
    "payments.instalment",
    "policies.policy",
)
_RANK = {label: rank for rank, label in enumerate(LOCK_ORDER)}


def lock_rank(model: type[models.Model]) -> int:
    label = model._meta.label_lower
    if label not in _RANK:
        raise ValueError(f"{label} has no place in the lock order ({' -> '.join(LOCK_ORDER)}).")
    return _RANK[label]


def locked(model: type[models.Model], *, select_related: tuple[str, ...] = ()) -> models.QuerySet:
    """The queryset that locks rows of `model` alone (FOR NO KEY UPDATE OF the model's table)."""
    queryset = model._default_manager.select_for_update(no_key=True, of=("self",))
    return queryset.select_related(*select_related) if select_related else queryset


def lock_objects(*targets, select_related: dict | None = None) -> list:
    """Lock the rows named by `targets` in the one lock order; return them, fresh from the
    database, in the order given. A target is a model instance, a (model, pk) pair, or None
    (returned as None). Inside a transaction (the caller's). Raises DoesNotExist for a row that
    is gone. `select_related` maps a model to the relations to read with it (not locked)."""
    wanted: dict[type[models.Model], set] = defaultdict(set)
    keys: list[tuple[type[models.Model], object] | None] = []
    for target in targets:
        if target is None:
            keys.append(None)
            continue
        model, pk = target if isinstance(target, tuple) else (type(target), target.pk)
        model = model._meta.concrete_model
        lock_rank(model)
        pk = model._meta.pk.to_python(pk)
        wanted[model].add(pk)
        keys.append((model, pk))
    found: dict[tuple[type[models.Model], object], models.Model] = {}
    for model in sorted(wanted, key=lock_rank):
        related = (select_related or {}).get(model, ())
        # ORDER BY pk: PostgreSQL locks the rows in the order it returns them.
        for row in locked(model, select_related=tuple(related)).filter(pk__in=wanted[model]).order_by("pk"):
            found[(model, row.pk)] = row
    result: list[models.Model | None] = []
    for key in keys:
        if key is None:
            result.append(None)
            continue
        if key not in found:
            # Every concrete model has DoesNotExist; Model itself (the stubs' type here) has not.
            raise key[0].DoesNotExist(f"{key[0]._meta.label} {key[1]} does not exist.")  # type: ignore[attr-defined]
        result.append(found[key])
    return result


def lock_one(instance_or_model, pk=None, *, select_related: tuple[str, ...] = ()):
    """Lock one row (see lock_objects): `lock_one(claim)` or `lock_one(Claim, pk)`."""
    target = (instance_or_model, pk) if pk is not None else instance_or_model
    model = target[0] if isinstance(target, tuple) else type(target)
    return lock_objects(target, select_related={model._meta.concrete_model: select_related})[0]
