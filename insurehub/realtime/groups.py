"""Names of the channel-layer groups events are addressed to (the audience of an event)."""

ADMINS = "role.admin"


def user_group(user_id) -> str:
    return f"user.{user_id}"


def department_group(department: str) -> str:
    return f"department.{department}"


def claim_group(claim_id) -> str:
    return f"claim.{claim_id}"


# Every staff member's socket (dashboard-wide announcements).
STAFF = "role.staff"
