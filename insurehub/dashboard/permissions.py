"""Who may read the dashboard and handle alerts: staff (agents, assessors, supervisors, admins), each
within what they may see (selectors scope the figures and alerts to the caller)."""

from insurehub.core.permissions import allows, is_staff_member


def can_view_dashboard(user, obj=None) -> bool:
    return is_staff_member(user)


def can_handle_alerts(user, alert=None) -> bool:
    """Read and acknowledge alerts (possible duplicates, fraud flags): staff business, never a customer's."""
    return is_staff_member(user)


ViewsDashboard = allows(can_view_dashboard)
HandlesAlerts = allows(can_handle_alerts)
