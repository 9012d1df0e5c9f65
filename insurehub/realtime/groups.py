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

# Agents', supervisors' and admins' sockets: events about any customer's records (policies, payments).
# Assessors see the records of the claims assigned to them only, so those events reach them by their
# user group (audiences.audience_of with the rule of each app's permissions.py).
OFFICE = "role.office"

# The one group every process's event stream listens on (stream.py): each event is sent to it
# once, with its audience, and the process hands it to the sockets whose groups meet the audience.
STREAM = "realtime.stream"
