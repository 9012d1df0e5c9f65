"""Asking the claim's customer for documents: staff ask for a kind of document with a note to the
customer (who is told through their notification preferences), or cancel what they asked; a
document of that kind uploaded to the claim fulfils the oldest open request of the kind (the
documents app calls document_request_fulfil from its upload, as it sits above claims)."""

from django.db import transaction
from django.utils import timezone

from insurehub.audit.services import audit_record
from insurehub.claims import notices
from insurehub.claims.models import OPEN_STATUSES, Claim, ClaimStatus, DocumentRequest
from insurehub.claims.permissions import can_request_documents, require
from insurehub.claims.services.claim_row import _event, _lock
from insurehub.core.errors import ApplicationError
from insurehub.core.locking import locked
from insurehub.realtime.events import Notice
from insurehub.users.models import User

# A draft is the customer's own: nobody asks for documents before it is filed.
ASKABLE_STATUSES = OPEN_STATUSES - {ClaimStatus.DRAFT}


@transaction.atomic
def document_request_create(*, claim: Claim, kind: str, note: str = "", requested_by: User) -> DocumentRequest:
    require(can_request_documents(requested_by, claim), "Staff ask for documents; customers upload them.")
    claim = _lock(claim)
    if claim.status not in ASKABLE_STATUSES:
        raise ApplicationError(
            "claim_not_open", f"The claim is {claim.status}: no documents are asked for now.", status=409
        )
    request = DocumentRequest(
        claim=claim, kind=kind, note=note.strip(), requested_by=requested_by, requested_at=timezone.now()
    )
    request.full_clean()
    request.save()
    claim.last_activity_at = request.requested_at
    claim.save(update_fields=["last_activity_at", "updated_at"])
    audit_record(
        actor=requested_by,
        action="claim.document_requested",
        target=claim,
        changes={"request": str(request.pk), "kind": kind, "note": request.note},
    )
    asked = Notice(
        recipient=claim.customer,
        topic="documents",
        kind="claim.document_requested",
        **notices.document_requested(claim, kind=request.kind, note=request.note),
    )
    _event(claim, "claim.updated", document_request="requested", document_request_id=str(request.pk), notices=[asked])
    return request


@transaction.atomic
def document_request_cancel(*, request: DocumentRequest, cancelled_by: User) -> DocumentRequest:
    claim = _lock(request.claim)
    require(can_request_documents(cancelled_by, claim), "Staff cancel what they asked for.")
    request = locked(DocumentRequest).get(pk=request.pk)  # after the claim (outside the lock order: last)
    if request.state != "open":
        raise ApplicationError("request_closed", f"This request is already {request.state}.", status=409)
    request.cancelled_at = timezone.now()
    request.cancelled_by = cancelled_by
    request.save(update_fields=["cancelled_at", "cancelled_by", "updated_at"])
    audit_record(
        actor=cancelled_by,
        action="claim.document_request_cancelled",
        target=claim,
        changes={"request": str(request.pk), "kind": request.kind},
    )
    _event(claim, "claim.updated", document_request="cancelled", document_request_id=str(request.pk))
    return request


@transaction.atomic
def document_request_fulfil(*, claim_id, kind: str, document_id, uploaded_by: User) -> DocumentRequest | None:
    """A document of `kind` was uploaded to the claim: the oldest open request of that kind is
    fulfilled by it. None when nothing of the kind was asked for (the upload is simply kept)."""
    claim = _lock(Claim(pk=claim_id))
    open_request = (
        locked(DocumentRequest)
        .filter(claim_id=claim.pk, kind=kind, fulfilled_at__isnull=True, cancelled_at__isnull=True)
        .order_by("requested_at", "id")
        .first()
    )
    if open_request is None:
        return None
    open_request.fulfilled_by_document = document_id
    open_request.fulfilled_at = timezone.now()
    open_request.save(update_fields=["fulfilled_by_document", "fulfilled_at", "updated_at"])
    claim.last_activity_at = open_request.fulfilled_at
    claim.save(update_fields=["last_activity_at", "updated_at"])
    audit_record(
        actor=uploaded_by,
        action="claim.document_request_fulfilled",
        target=claim,
        changes={"request": str(open_request.pk), "kind": kind, "document": str(document_id)},
    )
    _event(claim, "claim.updated", document_request="fulfilled", document_request_id=str(open_request.pk))
    return open_request
