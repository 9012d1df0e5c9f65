"""Currency, personal data at rest (field encryption), GDPR retention, the audit chain."""

from .base import BASE_DIR, TESTING
from .reader import env
from .tasks import CELERY_BEAT_SCHEDULE

DEFAULT_CURRENCY = env.str("DEFAULT_CURRENCY", "KES")
# Personal data at rest: "id:<base64 32 bytes>,..." (first encrypts, all decrypt); required in
# production. FIELD_HASH_KEY keys the blind indexes used to search encrypted fields.
FIELD_ENCRYPTION_KEYS = env.str("FIELD_ENCRYPTION_KEYS", "")
FIELD_HASH_KEY = env.str("FIELD_HASH_KEY", "")
BACKUP_SIGNING_KEY = env.str("BACKUP_SIGNING_KEY", "")
# GDPR: how long an export's download link lives; the retention policy (a daily task).
PRIVACY_EXPORT_LINK_HOURS = env.int("PRIVACY_EXPORT_LINK_HOURS", 24)
RETENTION_ANALYTICS_DAYS = env.int("RETENTION_ANALYTICS_DAYS", 400)
RETENTION_NOTIFICATIONS_DAYS = env.int("RETENTION_NOTIFICATIONS_DAYS", 365)
RETENTION_INACTIVE_ACCOUNT_DAYS = env.int("RETENTION_INACTIVE_ACCOUNT_DAYS", 6 * 365)
# Idempotency-Key answers (core.idempotency): long enough for any client's retries, then a key is new again.
RETENTION_IDEMPOTENCY_DAYS = env.int("RETENTION_IDEMPOTENCY_DAYS", 7)
CELERY_BEAT_SCHEDULE["privacy-apply-retention"] = {
    "task": "insurehub.privacy.tasks.apply_retention",
    "schedule": 24 * 3600.0,
}
# The audit chain (insurehub/audit/chain.py): entries are HMAC-keyed under AUDIT_CHAIN_KEY, which
# the database never holds (required in production; dev/test derive one from SECRET_KEY), and a
# signed checkpoint of its head is logged and appended under AUDIT_CHECKPOINT_DIR periodically
# (point it at storage the database's users cannot rewrite; empty: logged only).
AUDIT_CHAIN_KEY = env.str("AUDIT_CHAIN_KEY", "")
AUDIT_CHECKPOINT_DIR = env.str("AUDIT_CHECKPOINT_DIR", "" if TESTING else str(BASE_DIR / "var" / "audit-checkpoints"))
AUDIT_CHECKPOINT_SECONDS = env.int("AUDIT_CHECKPOINT_SECONDS", 300)
CELERY_BEAT_SCHEDULE["audit-seal-and-checkpoint"] = {
    "task": "insurehub.audit.tasks.audit_seal_and_checkpoint",
    "schedule": float(AUDIT_CHECKPOINT_SECONDS),
}
# The read audit's anomaly alert (insurehub/ops/read_anomaly.py): a staff member who read more
# distinct customers' data in the last hour (day) than max(READ_AUDIT_ANOMALY_MIN_HOUR (_DAY),
# READ_AUDIT_ANOMALY_FACTOR x the customers in their queue of open claims) raises a high alert.
READ_AUDIT_ANOMALY_FACTOR = env.int("READ_AUDIT_ANOMALY_FACTOR", 3)
READ_AUDIT_ANOMALY_MIN_HOUR = env.int("READ_AUDIT_ANOMALY_MIN_HOUR", 30)
READ_AUDIT_ANOMALY_MIN_DAY = env.int("READ_AUDIT_ANOMALY_MIN_DAY", 150)
READ_AUDIT_ANOMALY_CHECK_SECONDS = env.int("READ_AUDIT_ANOMALY_CHECK_SECONDS", 900)
CELERY_BEAT_SCHEDULE["audit-read-access-anomalies"] = {
    "task": "insurehub.ops.tasks.read_access_anomaly_check",
    "schedule": float(READ_AUDIT_ANOMALY_CHECK_SECONDS),
}
