"""Who may read the audit log: admins."""

from insurehub.core.permissions import allows, is_admin


def can_read_audit_log(user, obj=None) -> bool:
    return is_admin(user)


ReadsAuditLog = allows(can_read_audit_log)
