import hashlib

import factory
from django.core.files.base import ContentFile

from insurehub.documents.models import Document, DocumentKind, FileType, ScanStatus
from insurehub.documents.storage import documents_storage, new_key
from insurehub.documents.tests.samples import text_pdf
from insurehub.users.tests.factories import UserFactory


class DocumentFactory(factory.django.DjangoModelFactory):
    """A clean PDF already stored (for access and listing tests; uploads go through the API)."""

    class Meta:
        model = Document

    owner = factory.SubFactory(UserFactory)
    kind = DocumentKind.OTHER
    filename = factory.Sequence(lambda n: f"document-{n}.pdf")
    file_type = FileType.PDF
    scan_status = ScanStatus.CLEAN
    scan_engine = "clamscan"

    @factory.lazy_attribute
    def storage_key(self):
        content = text_pdf([f"Document {self.filename}"])
        return documents_storage().save(new_key(), ContentFile(content))

    @factory.lazy_attribute
    def file_size(self):
        return documents_storage().size(self.storage_key)

    @factory.lazy_attribute
    def sha256(self):
        with documents_storage().open(self.storage_key, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()


def make_claim(*, customer, vehicle=None, agent=None, assessor=None, department="motor", **fields):
    """A submitted motor claim on an active policy (claims has no factory of its own yet)."""
    from django.utils import timezone

    from insurehub.claims.models import Claim
    from insurehub.core.numbering import next_number
    from insurehub.policies.tests.factories import PolicyFactory

    policy_kwargs = {"customer": customer}
    if vehicle is not None:
        policy_kwargs["vehicle"] = vehicle
    policy = PolicyFactory(**policy_kwargs)
    return Claim.objects.create(
        claim_number=next_number(prefix="CLM", year=timezone.now().year),
        customer=customer,
        policy=policy,
        vehicle=policy.vehicle,
        department=department,
        assigned_agent=agent,
        assigned_assessor=assessor,
        incident_date=fields.pop("incident_date", timezone.now()),
        description="Rear-ended at a junction.",
        **fields,
    )
