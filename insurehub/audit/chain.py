"""The audit chain's key and its published checkpoints.

Decision (issue 14 item 7, issue 15 item 3): the chain is keyed and published, not locked.

- Writers append entries unsealed, with no lock shared between them (insurehub.audit.services).
  One sealer at a time, holding the chain head's row lock only while it seals, gives committed
  entries their sequence, previous hash and HMAC in id order: right after each writing transaction
  commits (skipping if another sealer is busy) and every AUDIT_CHECKPOINT_SECONDS (the beat task).
  A writer's transaction never waits for another writer's because of the audit log.
- The hash is HMAC-SHA256 under AUDIT_CHAIN_KEY, which lives in the environment, not in the
  database: someone who can write to the database cannot forge or re-hash entries.
- The head row records the last sealed sequence and hash; verification compares the chain's end
  and length with it, so deleting the newest entries is noticed.
- A checkpoint (the head, signed with the key) is logged as one JSON line and appended to a file
  under AUDIT_CHECKPOINT_DIR periodically, outside the database: deleting the newest entries *and*
  rewriting the head to match, or wiping both tables, is noticed against the last checkpoint.
- On PostgreSQL, triggers refuse UPDATE (except sealing an unsealed row, once), DELETE and
  TRUNCATE of the entries, and DELETE and TRUNCATE of the head. Only a superuser can set
  session_replication_role = replica, which `manage.py flush` does (the test suite's teardown).
"""

import hashlib
import hmac
import json
import logging
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

logger = logging.getLogger("insurehub.audit.checkpoint")

CHECKPOINT_FILE = "audit-checkpoints.jsonl"
_TAIL_BYTES = 256 * 1024


def chain_key() -> bytes:
    """AUDIT_CHAIN_KEY, or in development and tests a key derived from SECRET_KEY."""
    configured = getattr(settings, "AUDIT_CHAIN_KEY", "")
    if configured:
        return configured.encode()
    if settings.DJANGO_ENV == "production":
        raise ImproperlyConfigured("AUDIT_CHAIN_KEY must be set in production")
    return hashlib.sha256(f"insurehub:audit-chain:{settings.SECRET_KEY}".encode()).digest()


def _checkpoint_key() -> bytes:
    # A key of its own (derived), so a checkpoint's signature is never a valid entry hash.
    return hmac.new(chain_key(), b"audit-checkpoint", hashlib.sha256).digest()


def _body(checkpoint: dict[str, Any]) -> bytes:
    return json.dumps({k: v for k, v in checkpoint.items() if k != "signature"}, sort_keys=True).encode()


def sign_checkpoint(checkpoint: dict[str, Any]) -> dict[str, Any]:
    return {**checkpoint, "signature": hmac.new(_checkpoint_key(), _body(checkpoint), hashlib.sha256).hexdigest()}


def checkpoint_signature_valid(checkpoint: dict[str, Any]) -> bool:
    expected = hmac.new(_checkpoint_key(), _body(checkpoint), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, str(checkpoint.get("signature", "")))


def database_name() -> str:
    return str(connection.settings_dict.get("NAME") or "")


def checkpoint_path() -> Path | None:
    directory = getattr(settings, "AUDIT_CHECKPOINT_DIR", "")
    return Path(directory) / CHECKPOINT_FILE if directory else None


def write_checkpoint(checkpoint: dict[str, Any]) -> None:
    line = json.dumps(checkpoint, sort_keys=True)
    logger.info("audit checkpoint %s", line)
    path = checkpoint_path()
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def last_checkpoint() -> dict[str, Any] | None:
    """The newest checkpoint written for this database, or None (none yet, or no directory)."""
    path = checkpoint_path()
    if path is None or not path.exists():
        return None
    with path.open("rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - _TAIL_BYTES))
        lines = handle.read().decode("utf-8", errors="replace").splitlines()
    name = database_name()
    for line in reversed(lines):
        try:
            checkpoint = json.loads(line)
        except ValueError:
            continue
        if isinstance(checkpoint, dict) and checkpoint.get("database") == name:
            return checkpoint
    return None
