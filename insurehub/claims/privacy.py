"""Claims in GDPR export and erasure. Claims are kept (legal and regulatory obligation) and stay
linked to the pseudonymised account; the free text the person wrote about themselves is redacted."""

from insurehub.claims.models import OPEN_STATUSES, Claim, ClaimCommunication, ClaimSettlement


def export(user) -> list:
    claims = (
        Claim.objects.filter(customer=user)
        .select_related("policy", "vehicle")
        .prefetch_related("communications", "settlements", "document_requests")
    )
    return [
        {
            "claim_number": c.claim_number,
            "status": c.status,
            "policy": c.policy.policy_number,
            "vehicle": c.vehicle.registration if c.vehicle else None,
            "incident_date": c.incident_date.isoformat(),
            "incident_address": c.incident_address,
            "description": c.description,
            "estimated_cost": str(c.estimated_cost) if c.estimated_cost is not None else None,
            "approved_amount": str(c.approved_amount) if c.approved_amount is not None else None,
            "currency": c.currency,
            "communications": [
                {
                    "at": m.at.isoformat(),
                    "channel": m.channel,
                    "direction": m.direction,
                    "subject": m.subject,
                    "body": m.body,
                }
                for m in c.communications.all()
                if m.party == ClaimCommunication.Party.CUSTOMER
            ],
            # The offers made to them and their answers (never the desk's notes).
            "settlement_offers": [
                {
                    "amount": str(s.amount),
                    "currency": s.currency,
                    "payee": s.payee,
                    "method": s.method,
                    "status": s.status,
                    "decision": s.customer_decision,
                    "decision_reason": s.customer_decision_reason,
                    "decided_at": s.customer_decided_at.isoformat() if s.customer_decided_at else None,
                }
                for s in c.settlements.all()
                if s.approved_at is not None or s.customer_decision
            ],
            "documents_asked": [
                {"kind": r.kind, "note": r.note, "requested_at": r.requested_at.isoformat(), "state": r.state}
                for r in c.document_requests.all()
            ],
        }
        for c in claims
    ]


def holds(user) -> list[str]:
    open_claims = list(
        Claim.objects.filter(customer=user, status__in=OPEN_STATUSES).values_list("claim_number", flat=True)
    )
    if open_claims:
        return [f"open claim(s) {', '.join(open_claims)} must be closed first"]
    return []


def erase(user) -> dict:
    redacted = Claim.objects.filter(customer=user).update(
        incident_address="", description="[erased at the customer's request]"
    )
    messages = ClaimCommunication.objects.filter(claim__customer=user, party=ClaimCommunication.Party.CUSTOMER).update(
        body="[erased]", subject=""
    )
    reasons = (
        ClaimSettlement.objects.filter(claim__customer=user)
        .exclude(customer_decision_reason="")
        .update(customer_decision_reason="[erased]")
    )
    return {"claims_kept_redacted": redacted, "messages_redacted": messages, "offer_answers_redacted": reasons}
