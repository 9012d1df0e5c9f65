"""Reading the audit log."""

from dataclasses import dataclass

from django.db.models import QuerySet

from insurehub.audit.models import GENESIS_HASH, AuditEvent


def audit_event_list() -> QuerySet[AuditEvent]:
    return AuditEvent.objects.all()


@dataclass(frozen=True)
class ChainBreak:
    sequence: int
    reason: str


def audit_chain_verify(*, batch_size: int = 2000) -> tuple[int, ChainBreak | None]:
    """Walk the chain in order; return how many entries were checked and the first break."""
    expected_prev = GENESIS_HASH
    expected_sequence = 1
    checked = 0
    for event in AuditEvent.objects.order_by("sequence").iterator(chunk_size=batch_size):
        if event.sequence != expected_sequence:
            return checked, ChainBreak(expected_sequence, f"entry #{expected_sequence} is missing")
        if event.prev_hash != expected_prev:
            return checked, ChainBreak(event.sequence, "previous-hash link does not match the entry before it")
        if event.compute_hash() != event.hash:
            return checked, ChainBreak(event.sequence, "content does not match its hash (entry was altered)")
        expected_prev = event.hash
        expected_sequence += 1
        checked += 1
    return checked, None
