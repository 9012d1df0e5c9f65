"""Who may read the audit log: admins; the read audit (who read a customer's data) also auditors:
staff granted the `audit.view_readauditentry` permission (Django admin, a user or a group)."""

from insurehub.core.permissions import allows, is_admin


def can_read_audit_log(user, obj=None) -> bool:
    return is_admin(user)


ReadsAuditLog = allows(can_read_audit_log)


def can_read_read_audit(user, obj=None) -> bool:
    return is_admin(user) or bool(
        user and user.is_authenticated and user.is_active and user.has_perm("audit.view_readauditentry")
    )


ReadsReadAudit = allows(can_read_read_audit)
