"""Operations jobs that look across apps."""

from celery import shared_task

from insurehub.ops.read_anomaly import read_access_anomalies


@shared_task
def read_access_anomaly_check() -> int:
    """Periodic (READ_AUDIT_ANOMALY_CHECK_SECONDS): how many read-access anomaly alerts were raised."""
    return len(read_access_anomalies())
