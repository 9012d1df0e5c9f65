"""The same flows on S3: django-storages against moto's S3 server on 127.0.0.1 (real HTTP)."""

import hashlib

import httpx
import pytest

from insurehub.core.testing import assert_problem, client_for
from insurehub.documents.models import Document
from insurehub.documents.tests import samples
from insurehub.documents.tests.test_api import upload

pytestmark = pytest.mark.django_db


def test_upload_process_and_download_on_s3(s3_storage, clamscan, actors):
    content = samples.text_pdf(samples.V5C_LINES)
    body = upload(client_for(actors["owner"]), content, "v5c.pdf").json()
    document = Document.objects.get(pk=body["id"])
    assert s3_storage.exists(document.storage_key)
    assert document.processing_status == "done"
    assert document.processed_data["fields"]["vin"][0]["value"] == "WVWZZZ1JZXW000001"
    response = client_for(actors["owner"]).get(f"/api/documents/{document.pk}/download/")
    assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == document.sha256


def test_signed_url_is_short_lived_and_names_the_file_safely(s3_storage, clamscan, actors):
    body = upload(client_for(actors["owner"]), samples.text_pdf(["Signed"]), "../report.pdf").json()
    response = client_for(actors["owner"]).get(f"/api/documents/{body['id']}/download/", {"signed": "1"})
    assert response.status_code == 200
    signed = response.json()
    assert signed["expires_in"] == 300
    assert "Signature" in signed["url"]
    fetched = httpx.get(signed["url"])
    assert fetched.status_code == 200
    assert fetched.headers["content-disposition"] == 'attachment; filename="report.pdf"'
    assert hashlib.sha256(fetched.content).hexdigest() == body["sha256"]


def test_eicar_is_quarantined_on_s3(s3_storage, clamscan, actors):
    body = assert_problem(upload(client_for(actors["owner"]), samples.EICAR, "eicar.pdf"), 422)
    document = Document.objects.get(pk=body["document"])
    assert document.storage_key.startswith("quarantine/")
    assert s3_storage.exists(document.storage_key)
    assert_problem(client_for(actors["owner"]).get(f"/api/documents/{document.pk}/download/", {"signed": "1"}), 409)


def test_sse_kms_settings_put_every_object_under_the_kms_key(settings, s3_server, s3_storage, clamscan, actors):
    """DOCUMENTS_S3_SSE_KMS_KEY_ID: the storage puts objects with SSE-KMS under that key (moto keeps and
    answers the object's encryption attributes as S3 does)."""
    import boto3

    from insurehub.config.settings.documents import s3_object_parameters

    credentials = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing", "region_name": "eu-west-1"}
    key_id = boto3.client("kms", endpoint_url=s3_server, **credentials).create_key()["KeyMetadata"]["KeyId"]
    parameters = s3_object_parameters(sse=True, kms_key_id=key_id)
    assert parameters == {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": key_id}
    assert s3_object_parameters(sse=True, kms_key_id="") == {"ServerSideEncryption": "AES256"}
    documents = settings.STORAGES["documents"]
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {**documents, "OPTIONS": {**documents["OPTIONS"], "object_parameters": parameters}},
    }
    from insurehub.documents.storage import documents_storage

    storage = documents_storage()
    content = samples.text_pdf(["Sealed by KMS"])
    body = upload(client_for(actors["owner"]), content, "kms.pdf").json()
    document = Document.objects.get(pk=body["id"])
    client = boto3.client("s3", endpoint_url=s3_server, **credentials)
    head = client.head_object(Bucket=storage.bucket_name, Key=document.storage_key)
    assert head["ServerSideEncryption"] == "aws:kms"
    assert head["SSEKMSKeyId"].endswith(key_id)
    response = client_for(actors["owner"]).get(f"/api/documents/{document.pk}/download/")
    assert b"".join(response.streaming_content) == content
