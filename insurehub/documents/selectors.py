"""Every read of documents, scoped to what the caller may see."""

from django.db.models import Q, QuerySet

from insurehub.claims.selectors import claims_visible_to
from insurehub.core.access import AccessRule, restrict
from insurehub.core.roles import Role
from insurehub.documents.models import Document, ScanStatus

# Customers see the documents they uploaded; admins see everything. Staff (below) see their own
# uploads and the documents of every claim they may see (the claims' one rule, reused).
_OWN = AccessRule(owner="owner", assignees=("owner",))


def documents_visible_to(user) -> QuerySet[Document]:
    documents = Document.objects.select_related("claim")
    own = restrict(documents, user, _OWN)
    if not getattr(user, "is_authenticated", False) or user.role in (Role.ADMIN, Role.CUSTOMER):
        return own
    return documents.filter(Q(owner=user) | Q(claim__in=claims_visible_to(user).values("pk")))


def document_get(*, user, document_id) -> Document:
    """The document if `user` may see it, else Document.DoesNotExist (a 404)."""
    return documents_visible_to(user).get(pk=document_id)


def documents_needing_scan() -> QuerySet[Document]:
    return Document.objects.filter(
        scan_status__in=[ScanStatus.PENDING, ScanStatus.ERROR, ScanStatus.UNSCANNED]
    ).order_by("created_at")


def documents_for_claim(*, user, claim) -> QuerySet[Document]:
    return documents_visible_to(user).filter(claim=claim)


def claim_for_attachment(*, user, claim_id):
    """A claim `user` may attach documents to (one they may see), else a 400 on `claim`
    that says the same for a claim that does not exist and one they may not see."""
    from insurehub.core.errors import ApplicationError

    claim = claims_visible_to(user).filter(pk=claim_id).first()
    if claim is None:
        raise ApplicationError(
            "validation_error",
            "The request was invalid; see errors for each field.",
            errors=[{"field": "claim", "code": "does_not_exist", "message": "No such claim."}],
        )
    return claim
