"""A claim's documents on its timeline (claims.selectors.claim_timeline composes the entries; this
source is registered in DocumentsConfig.ready(), as claims sits below documents)."""

from insurehub.claims.selectors import display_name
from insurehub.documents.models import Document


def claim_timeline_documents(claim, *, for_customer: bool) -> list[dict]:
    """A customer's timeline lists only what they uploaded (staff uploads such as investigators'
    reports are not the customer's to see)."""
    documents = (
        Document.objects.filter(claim=claim)
        .select_related("owner")
        .only("id", "created_at", "owner_id", "filename", "kind", "owner__name", "owner__email")
    )
    if for_customer:
        documents = documents.filter(owner_id=claim.customer_id)
    return [
        {
            "type": "document",
            "at": doc.created_at,
            "actor": doc.owner_id,
            "actor_name": display_name(doc.owner),
            "detail": doc.filename,
            "document": doc.pk,
        }
        for doc in documents
    ]
