"""Who may see and do what with documents, and who hears of them.

Seeing (selectors.documents_visible_to): customers the documents they uploaded; admins every one;
other staff their own uploads and the documents of every claim they may see (the claim's rule,
claims.permissions.CLAIM_ACCESS). A customer never sees a document staff uploaded to their claim,
so its events never reach the customer either (`document_audience`).

Resumable uploads (resumable.py): opened by anyone who may attach documents to the claim (one they
may see: selectors.claim_for_attachment, as the single upload); used (GET, PATCH, DELETE) by their
uploader alone, while they may still see the claim (selectors.uploads_visible_to)."""

from insurehub.claims.permissions import claim_staff_audience
from insurehub.core.access import AccessRule
from insurehub.core.permissions import allows_object, is_admin
from insurehub.core.permissions import require as require  # the services' one permission error
from insurehub.documents.models import Document
from insurehub.realtime.audiences import audience_of

# A document's own rule: its uploader (a customer, or staff through `assignees`) and admins.
OWN_DOCUMENT_ACCESS = AccessRule(owner="owner", assignees=("owner",))


def document_audience(document: Document) -> list[str]:
    """Who may read the document: its uploader, admins, and the staff of its claim. Not the claim's
    customer unless they uploaded it, and not the claim's group (the customer may subscribe to it)."""
    audience = set(audience_of(document, OWN_DOCUMENT_ACCESS))
    if document.claim_id:
        audience.update(claim_staff_audience(document.claim))
    return sorted(audience)


def can_delete_document(user, document: Document) -> bool:
    """Its uploader, and admins."""
    return document.owner_id == getattr(user, "pk", None) or is_admin(user)


DeletesDocuments = allows_object(can_delete_document, message="Only the uploader or an admin may delete it.")
