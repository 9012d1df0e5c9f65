"""Reading the audit log, and verifying its chain (see insurehub/audit/chain.py)."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from insurehub.audit import chain
from insurehub.audit.models import GENESIS_HASH, AuditChainHead, AuditEvent, ReadAuditEntry


def audit_event_list() -> QuerySet[AuditEvent]:
    return AuditEvent.objects.all()


def reads_of_subject(subject_id) -> QuerySet[ReadAuditEntry]:
    """Who read this person's data, newest first, with the reader (one query per page)."""
    return ReadAuditEntry.objects.filter(subject_id=subject_id).select_related("actor").order_by("-id")


def distinct_subjects_read_since(since) -> dict:
    """{reader id: how many distinct people's data they read since `since`} (the anomaly check)."""
    rows = (
        ReadAuditEntry.objects.filter(at__gte=since, subject__isnull=False)
        .values("actor_id")
        .annotate(subjects=Count("subject_id", distinct=True))
    )
    return {row["actor_id"]: row["subjects"] for row in rows}


@dataclass(frozen=True)
class ChainBreak:
    sequence: int
    reason: str


@dataclass(frozen=True)
class ChainReport:
    checked: int  # sealed entries verified
    broken: ChainBreak | None  # the first break, if any
    unsealed: int  # entries appended but not sealed yet (not a break)
    head_sequence: int
    checkpoint_sequence: int | None  # the last published checkpoint compared with, if any


def _walk(head: AuditChainHead | None, batch_size: int) -> tuple[int, ChainBreak | None]:
    key = chain.chain_key()
    keyed_from = head.keyed_from if head else 1
    expected_prev = GENESIS_HASH
    expected_sequence = 1
    checked = 0
    sealed = AuditEvent.objects.filter(sequence__isnull=False).order_by("sequence")
    for event in sealed.iterator(chunk_size=batch_size):
        if event.sequence != expected_sequence:
            return checked, ChainBreak(expected_sequence, f"entry #{expected_sequence} is missing")
        if event.prev_hash != expected_prev:
            return checked, ChainBreak(event.sequence, "previous-hash link does not match the entry before it")
        if event.compute_hash(key, keyed=event.sequence >= keyed_from) != event.hash:
            return checked, ChainBreak(
                event.sequence, "content does not match its keyed hash (entry was altered or re-hashed)"
            )
        expected_prev = event.hash
        expected_sequence += 1
        checked += 1
    head_sequence, head_hash = (head.sequence, head.hash) if head else (0, GENESIS_HASH)
    if checked != head_sequence or expected_prev != head_hash:
        if checked < head_sequence:
            reason = f"the chain ends at #{checked} but its head says #{head_sequence} (newest entries removed)"
        else:
            reason = f"the chain's end (#{checked}) does not match its head (#{head_sequence})"
        return checked, ChainBreak(min(checked, head_sequence) + 1, reason)
    return checked, None


def _against_checkpoint(head: AuditChainHead | None, checkpoint: dict) -> ChainBreak | None:
    sequence = checkpoint.get("sequence")
    if not chain.checkpoint_signature_valid(checkpoint) or not isinstance(sequence, int):
        return ChainBreak(0, "the last published checkpoint's signature is not valid")
    if sequence == 0:
        return None
    if head is None or head.sequence < sequence:
        return ChainBreak(
            (head.sequence if head else 0) + 1,
            f"the chain is shorter than the checkpoint published at #{sequence} (entries removed)",
        )
    if head.keyed_from != checkpoint.get("keyed_from"):
        return ChainBreak(0, "the head's keyed_from differs from the published checkpoint")
    entry = AuditEvent.objects.filter(sequence=sequence).only("hash").first()
    if entry is None or entry.hash != checkpoint.get("hash"):
        return ChainBreak(sequence, f"entry #{sequence} differs from the published checkpoint (chain re-hashed)")
    return None


def audit_chain_report(*, batch_size: int = 2000) -> ChainReport:
    """Verify the sealed chain link by link, its end against the head (count and hash) and the head
    against the last published checkpoint; count the entries not sealed yet."""
    head = AuditChainHead.objects.filter(id=1).first()
    unsealed = AuditEvent.objects.filter(hash__isnull=True).count()
    checked, broken = _walk(head, batch_size)
    checkpoint = chain.last_checkpoint()
    if checkpoint is not None and broken is None:
        broken = _against_checkpoint(head, checkpoint)
    return ChainReport(
        checked=checked,
        broken=broken,
        unsealed=unsealed,
        head_sequence=head.sequence if head else 0,
        checkpoint_sequence=checkpoint.get("sequence") if checkpoint else None,
    )


def audit_chain_verify(*, batch_size: int = 2000) -> tuple[int, ChainBreak | None]:
    """How many sealed entries were verified, and the first break (None when intact)."""
    report = audit_chain_report(batch_size=batch_size)
    return report.checked, report.broken
