"""One way to move an object from one status to another (policies, claims, assessments).

An app declares its machine once: the allowed moves (from -> to), who may ask for each target
state (the permission rule), the guards that need data beyond the graph, and how the app records
a move (its history row and its one event; the audit entry is written here):

    MACHINE = StateMachine(
        name="claim",
        moves={"draft": {"submitted", "withdrawn"}, ...},
        may=lambda actor, obj, to: actor.role in ALLOWED_ROLES[to],
        history=write_history,     # fn(transition)
        event=emit_status_event,   # fn(transition, **event): emits exactly one event
        audit=audit_record,        # audit.services.audit_record (core sits below audit)
    )

and each service calls `MACHINE.move(obj, to, by=actor, reason=...)` inside its transaction, on a
row it has locked: the move is checked (graph, permission, guards), the status set and saved, the
history row, the audit entry and the event written, in that order, in the caller's transaction.

The hooks are passed in rather than imported because core is the lowest layer (pyproject.toml's
import-linter contract): the app that declares a machine owns its history table and its event.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import models
from django.utils import timezone

from insurehub.core.errors import ApplicationError

# A guard answers None to let the move through, or the reason it may not happen (409).
Guard = Callable[[Any, Any, Mapping[str, Any]], str | None]


@dataclass
class Transition:
    """One move being made: what the app's hooks (prepare, history, event) receive."""

    obj: models.Model
    source: str
    target: str
    actor: Any
    reason: str
    at: datetime
    payload: Mapping[str, Any]
    # People to tell, added to by the service's `prepare` (an automatic assignment, say).
    notices: list = field(default_factory=list)


class StateMachine:
    def __init__(
        self,
        *,
        name: str,
        moves: Mapping[str, Iterable[str]],
        history: Callable[[Transition], None],
        event: Callable[..., None],
        audit: Callable[..., Any],
        may: Callable[[Any, Any, str], bool] | None = None,
        service_only: Iterable[tuple[str, str]] = (),
        field: str = "status",
        illegal: Callable[[Any, str, Any, "StateMachine"], ApplicationError] | None = None,
    ) -> None:
        self.name = name
        self.moves = {source: frozenset(targets) for source, targets in moves.items()}
        self.history = history
        self.event = event
        self.audit = audit
        self.may = may
        self.service_only = frozenset(service_only)
        self.field = field
        self._illegal = illegal
        self._guards: dict[str, list[Guard]] = defaultdict(list)

    # --- the graph ---------------------------------------------------------------------
    def allowed_from(self, status: str) -> list[str]:
        return sorted(self.moves.get(status, ()))

    def allowed_for(self, status: str, actor=None, obj=None) -> list[str]:
        """The moves a caller may ask for: the graph less service-only moves and, given an actor,
        only the states the permission rule lets them move the object into (a UI's buttons)."""
        return [
            to
            for to in self.allowed_from(status)
            if (status, to) not in self.service_only and (actor is None or self.may is None or self.may(actor, obj, to))
        ]

    def is_allowed(self, source: str, target: str) -> bool:
        return target in self.moves.get(source, ())

    # --- guards ------------------------------------------------------------------------
    def guard(self, target: str, guard: Guard) -> Guard:
        """Register `guard(obj, actor, payload)` on every move into `target` (once)."""
        if guard not in self._guards[target]:
            self._guards[target].append(guard)
        return guard

    def refusals(self, obj, actor, target: str, payload: Mapping[str, Any]) -> list[str]:
        return [reason for guard in self._guards[target] if (reason := guard(obj, actor, payload))]

    # --- checking and moving ---------------------------------------------------------------
    def check(self, obj, to: str, *, by, payload: Mapping[str, Any] | None = None, service: bool = False) -> None:
        """Raise the move's error, if any: illegal_transition (409), permission_denied (403),
        transition_refused (409, with the guards' reasons). `service=True` is a service making a
        move that callers may not ask for (paying a settlement settles the claim)."""
        source = getattr(obj, self.field)
        if not self.is_allowed(source, to) or ((source, to) in self.service_only and not service):
            raise self._illegal_error(obj, to, by)
        if by is not None and self.may is not None and not self.may(by, obj, to):
            raise ApplicationError("permission_denied", f"Your role may not make a {self.name} {to}.", status=403)
        refusals = self.refusals(obj, by, to, payload or {})
        if refusals:
            raise ApplicationError(
                "transition_refused",
                "; ".join(refusals).capitalize() + ".",
                status=409,
                extra={"reasons": refusals, "allowed": self.allowed_from(source)},
            )

    def _illegal_error(self, obj, to: str, by) -> ApplicationError:
        if self._illegal is not None:
            return self._illegal(obj, to, by, self)
        source = getattr(obj, self.field)
        return ApplicationError(
            "illegal_transition",
            f"A {self.name} that is {source} cannot become {to}.",
            status=409,
            extra={"current_status": source, "allowed": self.allowed_for(source, by, obj)},
        )

    def move(
        self,
        obj,
        to: str,
        *,
        by,
        reason: str = "",
        payload: Mapping[str, Any] | None = None,
        service: bool = False,
        prepare: Callable[[Transition], None] | None = None,
        action: str | None = None,
        changes: Mapping[str, Any] | None = None,
        notices: Iterable = (),
        **event: Any,
    ) -> Transition:
        """Check the move, then in the caller's transaction: `prepare(transition)` (the app's
        other field changes), the status set and the object saved, the history row, the audit
        entry (`action`, default "<name>.status_changed", with the status change, the reason and
        `changes`) and the one event (`event` keyword arguments go to the app's event hook)."""
        payload = payload or {}
        self.check(obj, to, by=by, payload=payload, service=service)
        transition = Transition(
            obj=obj,
            source=getattr(obj, self.field),
            target=to,
            actor=by,
            reason=reason,
            at=timezone.now(),
            payload=payload,
            notices=list(notices),
        )
        if prepare is not None:
            prepare(transition)
        setattr(obj, self.field, to)
        obj.save()
        self.history(transition)
        self.audit(
            actor=by,
            action=action or f"{self.name}.status_changed",
            target=obj,
            changes={
                "status": [transition.source, to],
                **({"reason": reason} if reason else {}),
                **(changes or {}),
            },
        )
        self.event(transition, **event)
        return transition
