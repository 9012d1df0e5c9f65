"""Talking to the claim's customer: their contact details (each read audited) and the claim's
communications log."""

from django.db import transaction
from django.utils import timezone

from insurehub.audit.services import audit_record
from insurehub.claims import notices
from insurehub.claims.models import (
    OPEN_STATUSES,
    Claim,
    ClaimCommunication,
)
from insurehub.claims.permissions import (
    can_view_customer_contact,
)
from insurehub.claims.selectors import claims_visible_to
from insurehub.claims.services.claim_row import _event, _lock
from insurehub.core.errors import ApplicationError
from insurehub.core.roles import Role
from insurehub.realtime.events import Notice
from insurehub.users.models import User


@transaction.atomic
def claim_customer_contact(*, claim: Claim, viewed_by: User) -> dict:
    """The claim's customer and how to reach them, for staff who may see the claim. A phone number
    is personal data (DESIGN.md section 8): every read is recorded in the audit log."""
    if not can_view_customer_contact(viewed_by):
        raise ApplicationError("permission_denied", "Customers read their own details from their account.", status=403)
    customer = claim.customer
    audit_record(
        actor=viewed_by, action="claim.customer_contact_viewed", target=customer, changes={"claim": claim.claim_number}
    )
    open_claims = claims_visible_to(viewed_by).filter(customer=customer, status__in=OPEN_STATUSES).count()
    return {
        "id": customer.pk,
        "name": customer.name,
        "email": customer.email,
        "email_verified": customer.email_verified,
        "phone": customer.phone,
        "phone_verified": customer.phone_verified,
        "open_claims": open_claims,
    }


@transaction.atomic
def communication_add(
    *, claim: Claim, author: User, channel: str, direction: str, party: str, subject: str, body: str
) -> ClaimCommunication:
    claim = _lock(claim)
    if author.role == Role.CUSTOMER:
        channel, direction, party = (
            ClaimCommunication.Channel.NOTE,
            ClaimCommunication.Direction.INBOUND,
            ClaimCommunication.Party.CUSTOMER,
        )
    entry = ClaimCommunication(
        claim=claim,
        author=author,
        channel=channel,
        direction=direction,
        party=party,
        subject=subject,
        body=body,
        at=timezone.now(),
    )
    entry.full_clean()
    entry.save()
    claim.last_activity_at = entry.at
    claim.save(update_fields=["last_activity_at", "updated_at"])
    audit_record(
        actor=author, action="claim.communication_added", target=claim, changes={"channel": channel, "party": party}
    )
    customer_sees = party == ClaimCommunication.Party.CUSTOMER and direction != ClaimCommunication.Direction.INTERNAL
    told = []
    if author.role != Role.CUSTOMER and party == ClaimCommunication.Party.CUSTOMER and direction == "outbound":
        told.append(
            Notice(
                recipient=claim.customer,
                topic="claim_updates",
                kind="claim.message",
                **notices.message_sent(claim, subject=subject, body=body),
            )
        )
    _event(claim, "claim.updated", internal=not customer_sees, communication=str(entry.pk), notices=told)
    return entry
