"""Key actions recorded as activity, from the audit log's stream of writes: one hook, so no
service has to remember to call analytics as well."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from insurehub.analytics.services import activity_record
from insurehub.audit.models import AuditEvent

# Audit actions worth counting as user activity.
TRACKED_PREFIXES = ("auth.login", "auth.logout", "claim.", "policy.", "payment.", "document.", "assessment.")


@receiver(post_save, sender=AuditEvent, dispatch_uid="analytics-from-audit")
def record_activity_from_audit(sender, instance: AuditEvent, created: bool, **kwargs):
    if not created or instance.actor_id is None or instance.action == "auth.login_failed":
        return
    if not instance.action.startswith(TRACKED_PREFIXES):
        return
    activity_record(
        user=instance.actor,
        action=instance.action,
        metadata={"object_type": instance.object_type, "object_id": instance.object_id},
    )
