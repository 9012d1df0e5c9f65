"""Every read of documents, scoped to what the caller may see."""

from django.db.models import QuerySet

from insurehub.core.access import AccessRule, StaffScope, restrict
from insurehub.documents.models import Document, ScanStatus

# Customers see the documents they uploaded; staff see their own uploads (and, once claims
# exist, the documents of the claims they may see); admins see everything.
DOCUMENT_ACCESS = AccessRule(owner="owner", assignees=("owner",), staff_scope=StaffScope.ASSIGNED)


def documents_visible_to(user) -> QuerySet[Document]:
    return restrict(Document.objects.select_related("owner"), user, DOCUMENT_ACCESS)


def document_get(*, user, document_id) -> Document:
    """The document if `user` may see it, else Document.DoesNotExist (a 404)."""
    return documents_visible_to(user).get(pk=document_id)


def documents_needing_scan() -> QuerySet[Document]:
    return Document.objects.filter(
        scan_status__in=[ScanStatus.PENDING, ScanStatus.ERROR, ScanStatus.UNSCANNED]
    ).order_by("created_at")
