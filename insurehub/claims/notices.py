"""What people are told about a claim, in words: a sentence with the status's meaning (never
its code), what happens next, and the page to open. Each function returns the `title`, `body`
and `link` of a notify() call."""

from insurehub.claims.models import Claim, ClaimStatus
from insurehub.core import web_links
from insurehub.core.money import format_money

# The customer's sentence for each status their claim can move into.
STATUS_TITLES = {
    ClaimStatus.SUBMITTED: "We have received your claim {number}.",
    ClaimStatus.UNDER_REVIEW: "Your claim {number} is now under review.",
    ClaimStatus.ASSESSMENT: "Your claim {number} is now being assessed.",
    ClaimStatus.APPROVED: "Your claim {number} has been approved.",
    ClaimStatus.REJECTED: "Your claim {number} has been declined.",
    ClaimStatus.SETTLEMENT: "Your claim {number} is being settled.",
    ClaimStatus.SETTLED: "Your claim {number} has been settled.",
    ClaimStatus.CLOSED: "Your claim {number} is now closed.",
    ClaimStatus.WITHDRAWN: "Your claim {number} has been withdrawn.",
}
REOPENED_TITLE = "Your claim {number} has been reopened."
STATUS_NEXT = {
    ClaimStatus.SUBMITTED: "We will review it and tell you what happens next.",
    ClaimStatus.UNDER_REVIEW: "A claims handler is checking the details and may contact you for more information.",
    ClaimStatus.ASSESSMENT: "An assessor will look at the damage and estimate the repair; "
    "they may contact you to arrange a visit.",
    ClaimStatus.APPROVED: "We will now arrange the settlement.",
    ClaimStatus.REJECTED: "If you disagree, reply to us from the claim's page.",
    ClaimStatus.SETTLEMENT: "We are arranging the payment.",
    ClaimStatus.SETTLED: "The payment has been made.",
    ClaimStatus.CLOSED: "Nothing more is needed from you.",
    ClaimStatus.WITHDRAWN: "We will take no further action on it.",
}


def status_changed(claim: Claim, *, previous: str, reason: str = "") -> dict:
    """For the customer, when their claim moved from `previous` to its current status."""
    reopened = previous in (ClaimStatus.CLOSED, ClaimStatus.REJECTED) and claim.status == ClaimStatus.UNDER_REVIEW
    template = REOPENED_TITLE if reopened else STATUS_TITLES.get(claim.status)
    if template is None:
        template = f"Your claim {{number}} is now {claim.get_status_display().lower()}."
    body = [STATUS_NEXT.get(claim.status, "")]
    if claim.status == ClaimStatus.APPROVED and claim.approved_amount is not None:
        body.insert(0, f"The approved amount is {format_money(claim.approved_amount, claim.currency)}.")
    if claim.status == ClaimStatus.REJECTED and reason.strip():
        body.insert(0, f"Reason: {reason.strip()}")
    if reopened:
        body = ["It is under review again."]
    return {
        "title": template.format(number=claim.claim_number),
        "body": " ".join(part for part in body if part),
        "link": web_links.claim_page(claim.pk),
    }


def assigned(claim: Claim, *, role: str) -> dict:
    """For the agent or assessor a claim was assigned to."""
    return {
        "title": f"Claim {claim.claim_number} has been assigned to you as {role}.",
        "body": claim.description[:200],
        "link": web_links.claim_page(claim.pk),
    }


def message_sent(claim: Claim, *, subject: str, body: str) -> dict:
    """For the customer, when staff write to them about their claim."""
    return {
        "title": subject or f"New message about your claim {claim.claim_number}",
        "body": body[:500],
        "link": web_links.claim_page(claim.pk),
    }


def settlement_offered(claim: Claim, *, amount, currency: str) -> dict:
    """For the customer, when a settlement of their claim is approved: an offer to answer."""
    return {
        "title": f"A settlement offer for your claim {claim.claim_number}",
        "body": f"We offer {format_money(amount, currency)}. Open the claim to accept or decline it.",
        "link": web_links.claim_page(claim.pk),
    }


def settlement_answered(claim: Claim, *, decision: str, reason: str, on_behalf: bool) -> dict:
    """For the claim's agent, when the customer accepted or declined the offer (or staff recorded it)."""
    who = "recorded for the customer" if on_behalf else "by the customer"
    body = "The settlement can now be paid." if decision == "accepted" else f"Reason: {reason.strip() or '-'}"
    return {
        "title": f"Settlement offer on {claim.claim_number} {decision} ({who})",
        "body": body,
        "link": web_links.claim_page(claim.pk),
    }


def document_requested(claim: Claim, *, kind_label: str, note: str) -> dict:
    """For the customer, when staff ask them for a document."""
    return {
        "title": f"Please upload your {kind_label.lower()} for claim {claim.claim_number}",
        "body": note[:500] or "Open the claim to upload it.",
        "link": web_links.claim_page(claim.pk),
    }
