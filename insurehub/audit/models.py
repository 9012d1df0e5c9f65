"""The append-only, keyed hash-chained audit log.

An entry is appended unsealed (no sequence, no hash) by whichever transaction writes it, with no
lock shared between writers. A sealer (insurehub.audit.services.audit_seal) later gives the
committed, unsealed entries, in id order, their place in the chain: a sequence, the previous
entry's hash and their own HMAC-SHA256 under AUDIT_CHAIN_KEY (a key the database does not hold).
Changing, removing or reordering a sealed entry breaks a link, which `manage.py
verify_audit_chain` reports. Rows cannot be updated or deleted through the ORM; on PostgreSQL
triggers refuse UPDATE (except sealing an unsealed row once), DELETE and TRUNCATE in SQL too.
"""

import hashlib
import hmac
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

GENESIS_HASH = "0" * 64


class AppendOnlyError(Exception):
    pass


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Audit events are append-only.")

    def delete(self):
        raise AppendOnlyError("Audit events are append-only.")


class AuditEvent(models.Model):
    # The three chain fields are empty until the entry is sealed (see the module docstring).
    sequence = models.PositiveBigIntegerField(unique=True, null=True, blank=True, editable=False)
    at = models.DateTimeField(db_index=True)
    # Kept as a bare id (no database constraint) so the chain survives a user's removal.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    action = models.CharField(max_length=64, db_index=True)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    changes = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=512, blank=True)
    request_id = models.CharField(max_length=128, blank=True, db_index=True)
    prev_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, unique=True, null=True, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        # Id order is append order; the chain's order (sequence) follows it among committed rows.
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["object_type", "object_id"]),
            models.Index(fields=["actor", "at"]),
        ]

    def __str__(self) -> str:
        place = f"#{self.sequence}" if self.sequence else f"(unsealed id {self.pk})"
        return f"{place} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Audit events are append-only.")
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit events are append-only.")

    def canonical(self) -> str:
        """The exact text that is hashed: every recorded fact plus the previous hash."""
        return json.dumps(
            {
                "sequence": self.sequence,
                "at": self.at.isoformat(),
                "actor": str(self.actor_id) if self.actor_id else None,
                "action": self.action,
                "object_type": self.object_type,
                "object_id": self.object_id,
                "changes": self.changes,
                "ip": self.ip,
                "user_agent": self.user_agent,
                "request_id": self.request_id,
                "prev_hash": self.prev_hash,
            },
            sort_keys=True,
            separators=(",", ":"),
            cls=DjangoJSONEncoder,
        )

    def compute_hash(self, key: bytes, *, keyed: bool = True) -> str:
        """HMAC-SHA256 of the canonical text under the chain key; entries sealed before the chain
        was keyed (sequence below the head's `keyed_from`) were plain SHA-256."""
        if not keyed:
            return hashlib.sha256(self.canonical().encode()).hexdigest()
        return hmac.new(key, self.canonical().encode(), hashlib.sha256).hexdigest()


class AuditChainHead(models.Model):
    """One row: the last sealed sequence and hash. Only the sealer locks it, briefly."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    sequence = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default=GENESIS_HASH)
    # Entries from this sequence on are HMAC-keyed; earlier ones (sealed before the key) are SHA-256.
    keyed_from = models.PositiveBigIntegerField(default=1)

    def __str__(self) -> str:
        return f"head #{self.sequence}"


class ReadAuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Read-audit entries are append-only.")

    def delete(self):
        raise AppendOnlyError("Read-audit entries are append-only.")


class ReadAuditEntry(models.Model):
    """One read of a customer's personal data by someone else (staff): who, whose, what, when, from
    where. Written in one batch per request by insurehub.audit.read_audit, kept apart from the
    hash-chained write log: reads are many times more numerous than writes, the admin report asks
    for them per subject (its own index), and erasure must be able to forget the subject here
    (`subject` -> null, `subject_ref` a one-way pseudonym), which the sealed chain cannot allow.

    Append-only like the write log: the ORM refuses update and delete; on PostgreSQL a trigger
    refuses DELETE and TRUNCATE, and UPDATE of anything but the subject's erasure."""

    at = models.DateTimeField()
    # Bare ids (no constraint): the entry outlives either account.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    # Set when the subject is erased: a keyed one-way hash of their id, so repeated reads of the
    # same (now unknown) person still group together without saying who they were.
    subject_ref = models.CharField(max_length=64, blank=True)
    object_type = models.CharField(max_length=64)
    object_id = models.CharField(max_length=64, blank=True)
    fields = models.JSONField(default=list, blank=True)  # field names read, or the file served
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=512, blank=True)
    request_id = models.CharField(max_length=128, blank=True)

    objects = ReadAuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["subject", "-id"], name="audit_read_subject"),
            models.Index(fields=["at", "actor"], name="audit_read_at_actor"),
        ]

    def __str__(self) -> str:
        return f"{self.actor_id} read {self.object_type}:{self.object_id} of {self.subject_id or self.subject_ref}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Read-audit entries are append-only.")
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Read-audit entries are append-only.")
