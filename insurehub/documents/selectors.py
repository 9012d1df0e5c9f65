"""Every read of documents, scoped to what the caller may see."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Q, QuerySet

from insurehub.claims.selectors import claims_visible_to
from insurehub.core.access import restrict
from insurehub.core.errors import ApplicationError
from insurehub.core.roles import Role
from insurehub.documents import media
from insurehub.documents.models import Document, ImageHashBand, ResumableUpload, ScanStatus
from insurehub.documents.permissions import OWN_DOCUMENT_ACCESS

# Customers see the documents they uploaded; admins see everything. Staff (below) see their own
# uploads and the documents of every claim they may see (the claims' one rule, reused).
_OWN = OWN_DOCUMENT_ACCESS


def documents_visible_to(user) -> QuerySet[Document]:
    # The claim's sealed columns (description, address) are never shown with a document.
    documents = Document.objects.select_related("claim").defer("claim__description", "claim__incident_address")
    own = restrict(documents, user, _OWN)
    if not getattr(user, "is_authenticated", False) or user.role in (Role.ADMIN, Role.CUSTOMER):
        return own
    return documents.filter(Q(owner=user) | Q(claim__in=claims_visible_to(user).values("pk")))


def document_get(*, user, document_id) -> Document:
    """The document if `user` may see it, else Document.DoesNotExist (a 404)."""
    return documents_visible_to(user).get(pk=document_id)


def uploads_visible_to(user) -> QuerySet[ResumableUpload]:
    """Resumable uploads: only their uploader sees them, and only while they may still see the
    claim (permissions.py). Anyone else, admins included, gets a 404: an unfinished file is nobody
    else's business, and once complete it is a document with the documents' own rule."""
    if not getattr(user, "is_authenticated", False):
        return ResumableUpload.objects.none()
    return ResumableUpload.objects.select_related("document").filter(
        owner=user, claim__in=claims_visible_to(user).values("pk")
    )


def upload_get(*, user, upload_id) -> ResumableUpload:
    """The upload if `user` may use it, else ResumableUpload.DoesNotExist (a 404)."""
    return uploads_visible_to(user).get(pk=upload_id)


def documents_needing_scan() -> QuerySet[Document]:
    return Document.objects.filter(
        scan_status__in=[ScanStatus.PENDING, ScanStatus.ERROR, ScanStatus.UNSCANNED]
    ).order_by("created_at")


def documents_for_claim(*, user, claim) -> QuerySet[Document]:
    return documents_visible_to(user).filter(claim=claim)


def claim_for_attachment(*, user, claim_id):
    """A claim `user` may attach documents to (one they may see), else a 400 on `claim`
    that says the same for a claim that does not exist and one they may not see."""
    claim = claims_visible_to(user).filter(pk=claim_id).first()
    if claim is None:
        raise ApplicationError(
            "validation_error",
            "The request was invalid; see errors for each field.",
            errors=[{"field": "claim", "code": "does_not_exist", "message": "No such claim."}],
        )
    return claim


@dataclass(frozen=True)
class ImageMatch:
    """An image on another claim that is the same picture as the one looked up."""

    document_id: object
    claim_id: object
    claim_number: str
    filename: str
    distance: int  # Hamming distance between the two 64-bit perceptual hashes
    created_at: datetime


def image_matches(*, document: Document, claim_id, limit: int = 10) -> list[ImageMatch]:
    """Images indexed under a claim other than `claim_id` whose perceptual hash is within
    DOCUMENTS_IMAGE_REUSE_DISTANCE bits of `document`'s, nearest (then oldest) first: claim
    documents and assessment photos alike, since both are indexed (models.ImageHashBand).
    One query: the 8 (band, value) lookups find every candidate within 7 bits."""
    if not document.perceptual_hash:
        return []
    condition = Q()
    for band, value in enumerate(media.hash_bands(document.perceptual_hash)):
        condition |= Q(band=band, value=value)
    candidates = (
        ImageHashBand.objects.filter(condition, claim__isnull=False)
        .exclude(claim_id=claim_id)
        .exclude(document_id=document.pk)
        .values(
            "document_id",
            "claim_id",
            "claim__claim_number",
            "document__filename",
            "document__perceptual_hash",
            "document__created_at",
        )
        .distinct()
    )
    threshold = min(settings.DOCUMENTS_IMAGE_REUSE_DISTANCE, media.MAX_INDEXED_DISTANCE)
    found = []
    for row in candidates:
        distance = media.hash_distance(document.perceptual_hash, row["document__perceptual_hash"])
        if distance <= threshold:
            found.append(
                ImageMatch(
                    document_id=row["document_id"],
                    claim_id=row["claim_id"],
                    claim_number=row["claim__claim_number"],
                    filename=row["document__filename"],
                    distance=distance,
                    created_at=row["document__created_at"],
                )
            )
    found.sort(key=lambda match: (match.distance, match.created_at))
    return found[:limit]
