"""Links to the web application's pages (DESIGN.md section 10: the routes are stable, and
e-mails, SMS and notifications link to them).

In-app notifications store the path (`/claims/<id>`), which the web application opens as it
is; e-mails and SMS carry the absolute address under PUBLIC_BASE_URL (`public_url`). Every
layer may use these (core is the bottom layer): services name the page, never build the URL.
"""

from urllib.parse import urlencode

from django.conf import settings

ALERTS = "/alerts"
NOTIFICATIONS = "/notifications"
PROFILE = "/profile"


def claim_page(claim_id) -> str:
    """A claim, for its customer and for staff alike (`/claims/:id`)."""
    return f"/claims/{claim_id}"


def assessment_page(assessment_id) -> str:
    """An assessment, for the assessor and staff (`/assessments/:id`)."""
    return f"/assessments/{assessment_id}"


def policy_page(policy_id) -> str:
    """A customer's policy (`/policies/:id`)."""
    return f"/policies/{policy_id}"


def policy_payment_page(policy_id) -> str:
    """Where a customer pays for a policy (`/policies/:id/pay`)."""
    return f"/policies/{policy_id}/pay"


def reset_password_page(token: str) -> str:
    return f"/reset-password?{urlencode({'token': token})}"


def verify_email_page(token: str) -> str:
    return f"/verify-email?{urlencode({'token': token})}"


def public_url(path: str, **query: str) -> str:
    """The absolute address of a page of the web application: PUBLIC_BASE_URL + path (+ query)."""
    if not path.startswith("/"):
        raise ValueError(f"A web application path starts with '/': {path!r}")
    return f"{settings.PUBLIC_BASE_URL.rstrip('/')}{path}" + (f"?{urlencode(query)}" if query else "")
