"""Audit jobs: seal what is left unsealed and publish a signed checkpoint of the chain head."""

from celery import shared_task

from insurehub.audit import services


@shared_task
def audit_seal_and_checkpoint() -> bool:
    """Periodic (AUDIT_CHECKPOINT_SECONDS): True when a new checkpoint was published."""
    return services.audit_checkpoint_publish() is not None
