import pytest
from django.test import TestCase

from insurehub.documents import demo
from insurehub.documents.models import Document

pytestmark = pytest.mark.django_db


def test_demo_seed_makes_an_ocrable_scan_and_is_idempotent(clamscan, tesseract):
    from insurehub.users import demo as users_demo
    from insurehub.vehicles import demo as vehicles_demo

    context: dict = {}
    users_demo.seed(context)
    vehicles_demo.seed(context)
    with TestCase.captureOnCommitCallbacks(execute=True):
        demo.seed(context)
    demo.seed(context)
    assert Document.objects.count() == 2
    scan = Document.objects.get(filename="v5c-scan.pdf")
    assert scan.scan_status == "clean" and scan.processing_status == "done", scan.processing_error
    assert scan.processed_data["methods"] == ["ocr"]
    assert scan.processed_data["fields"]["vin"][0]["value"] == context["vehicles"]["customer"].vin
