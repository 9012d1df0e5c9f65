"""Shared model bases: UUID primary keys and timestamps; number sequences; idempotency records."""

import uuid

from django.conf import settings
from django.db import models


class UUIDModel(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)

    class Meta:
        abstract = True


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class BaseModel(UUIDModel, TimeStampedModel):
    """UUID primary key plus created/updated timestamps: the base of most tables."""

    class Meta:
        abstract = True


class NumberSequence(models.Model):
    """The last number handed out per prefix and year (see core.numbering)."""

    name = models.CharField(max_length=32, primary_key=True)
    value = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name}: {self.value}"


class IdempotencyRecord(BaseModel):
    """The first answer to a request sent with an `Idempotency-Key` (see core.idempotency), replayed for the
    same key: money-moving writes and first notice of loss."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=128)
    endpoint = models.CharField(max_length=200)
    request_hash = models.CharField(max_length=64)
    response_status = models.PositiveSmallIntegerField(null=True)
    response_body = models.JSONField(null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="core_idempotency_unique")]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.key}"


class FileKey(models.Model):
    """The data key of one encrypted file (core.encrypted_storage), sealed by the field key ring.

    Rotating the field keys re-seals these rows only; the file's bytes never change. `scope` is the
    storage's key scope (the local storages that share MEDIA_ROOT share one), `name` the file's name
    in it."""

    scope = models.CharField(max_length=40)
    name = models.CharField(max_length=500)
    wrapped_key = models.TextField()
    key_id = models.CharField(max_length=40, db_index=True)
    # Being sealed in place (encrypt_media_files): the file may still be plaintext until the rename.
    pending = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "name"], name="core_filekey_unique")]

    def __str__(self) -> str:
        return f"{self.scope}:{self.name}"
