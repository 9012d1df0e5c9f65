"""A privacy export's archive is sealed on disk (core.encrypted_storage) and downloads as the zip."""

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings

from insurehub.core.encrypted_storage import MAGIC
from insurehub.core.testing import client_for
from insurehub.privacy.models import PrivacyRequest

pytestmark = pytest.mark.django_db


def test_the_export_archive_holds_no_plaintext_on_disk(make_user, django_capture_on_commit_callbacks):
    user = make_user(email="sealed@example.test", name="Sealed Person", phone="+254711000009")
    client = client_for(user)
    with django_capture_on_commit_callbacks(execute=True):  # the export job runs after the commit
        body = client.post("/api/privacy/export/", {}, format="json").json()
    request = PrivacyRequest.objects.get(pk=body["id"])
    raw = (Path(settings.MEDIA_ROOT) / request.archive_key).read_bytes()
    assert raw.startswith(MAGIC)
    assert b"PK\x03\x04" not in raw and b"data.json" not in raw and b"+254711000009" not in raw
    response = client.get(f"/api/privacy/requests/{request.pk}/download/")
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert b"+254711000009" in archive.read("data.json")
