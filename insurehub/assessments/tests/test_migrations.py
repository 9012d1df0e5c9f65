"""Migrations keep existing photos: their images move to their documents (assessments 0002) and
join the documents' reuse index; the API answers what it answered before."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from insurehub.assessments.tests.factories import claim_for_assessment
from insurehub.core.testing import client_for

BEFORE = [("assessments", "0001_initial"), ("documents", "0002_document_claim_and_more")]
AFTER = [("assessments", "0003_photo_image_fields_removed"), ("documents", "0003_image_pipeline")]
METADATA = {"Model": "Phone 12", "GPSPosition": {"latitude": -1.291667, "longitude": 36.82}}


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _migrate_to_latest():
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.fixture
def latest_schema_after():
    """Whatever the test migrates to, the database leaves it at the latest migrations (later tests
    in this process need tables that migrations after AFTER create)."""
    yield
    _migrate_to_latest()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("latest_schema_after")
def test_photos_images_move_to_their_documents_and_the_reuse_index(actors, settings):
    from insurehub.documents.storage import documents_storage

    claim = claim_for_assessment(customer=actors["owner"], agent=actors["agent"], assessor=actors["assessor"])
    other_claim = claim_for_assessment(
        customer=actors["other_customer"], agent=actors["agent"], assessor=actors["assessor"]
    )
    old = _migrate(BEFORE)
    try:
        storage = documents_storage()
        keys = {
            name: storage.save(f"{name}/ab/{name}.{ext}", ContentFile(b"x" * 10))
            for name, ext in [
                ("original", "jpg"),
                ("doc-served", "jpg"),
                ("doc-thumb", "jpg"),
                ("photo-served", "jpg"),
                ("photo-thumb", "webp"),
                ("orphan-served", "jpg"),
                ("orphan-thumb", "webp"),
                ("claim-doc", "jpg"),
            ]
        }
        Document = old.get_model("documents", "Document")
        Assessment = old.get_model("assessments", "Assessment")
        Photo = old.get_model("assessments", "Photo")
        PhotoHashBand = old.get_model("assessments", "PhotoHashBand")
        common = {"owner_id": actors["assessor"].pk, "kind": "photo", "file_type": "image/jpeg", "sha256": "a" * 64}
        document = Document.objects.create(
            **common,
            filename="rear.jpg",
            file_size=10,
            storage_key=keys["original"],
            served_key=keys["doc-served"],  # the documents job's second copy
            thumbnail_key=keys["doc-thumb"],
            scan_status="clean",
            processing_status="done",
            image_width=3000,
            image_height=2000,
            perceptual_hash="f0e1d2c3b4a59687",
        )
        claim_document = Document.objects.create(
            **{**common, "owner_id": actors["other_customer"].pk},
            claim_id=other_claim.pk,
            filename="front.jpg",
            file_size=10,
            storage_key=keys["claim-doc"],
            scan_status="clean",
            processing_status="done",
            perceptual_hash="0f1e2d3c4b5a6978",
        )
        assessment = Assessment.objects.create(claim_id=claim.pk, assessor_id=actors["assessor"].pk)
        photo_fields = {"assessment_id": assessment.pk, "claim_id": claim.pk, "uploaded_by_id": actors["assessor"].pk}
        photo = Photo.objects.create(
            **photo_fields,
            document=document,
            status="ready",
            filename="rear.jpg",
            sha256="a" * 64,
            original_size=10,
            served_key=keys["photo-served"],
            served_size=1234,
            thumbnail_key=keys["photo-thumb"],
            width=2048,
            height=1365,
            perceptual_hash="f0e1d2c3b4a59687",
            original_metadata=METADATA,
            position=1,
        )
        PhotoHashBand.objects.bulk_create(
            [PhotoHashBand(photo=photo, band=i, value=v) for i, v in enumerate(bytes.fromhex(photo.perceptual_hash))]
        )
        orphan = Photo.objects.create(  # its document was deleted: only its copies are left
            **photo_fields,
            status="ready",
            filename="side.jpg",
            sha256="b" * 64,
            original_size=20,
            served_key=keys["orphan-served"],
            served_size=20,
            thumbnail_key=keys["orphan-thumb"],
            width=64,
            height=48,
            perceptual_hash="1111111111111111",
            position=2,
        )
        Photo.objects.create(**photo_fields, status="awaiting_scan", filename="x.jpg", sha256="c" * 64, original_size=1)
        client = client_for(actors["assessor"])
    finally:
        _migrate(AFTER)
        _migrate_to_latest()  # what follows reads through today's models and API

    from insurehub.assessments.models import Photo as PhotoNow
    from insurehub.documents.models import Document as DocumentNow
    from insurehub.documents.models import ImageHashBand

    moved = DocumentNow.objects.get(pk=document.pk)
    assert (moved.served_key, moved.thumbnail_key) == (keys["photo-served"], keys["photo-thumb"])
    assert (moved.served_width, moved.served_height, moved.served_size) == (2048, 1365, 1234)
    assert (moved.image_width, moved.image_height) == (3000, 2000)  # the original's, kept
    assert moved.private_metadata == METADATA
    assert not storage.exists(keys["doc-served"]) and not storage.exists(keys["doc-thumb"])
    assert storage.exists(keys["photo-served"]) and storage.exists(keys["original"])
    stand_in = PhotoNow.objects.get(pk=orphan.pk).document
    assert stand_in.storage_key == stand_in.served_key == keys["orphan-served"]
    assert stand_in.scan_status == "clean" and stand_in.thumbnail_key == keys["orphan-thumb"]
    assert PhotoNow.objects.count() == 2  # the photo with no document and no copy had nothing to show
    assert set(ImageHashBand.objects.filter(document_id=document.pk).values_list("claim_id", flat=True)) == {claim.pk}
    assert set(ImageHashBand.objects.filter(document_id=claim_document.pk).values_list("claim_id", flat=True)) == {
        other_claim.pk
    }
    body = client.get(f"/api/assessments/{assessment.pk}/photos/").json()
    assert [(p["width"], p["height"], p["served_size"], p["perceptual_hash"]) for p in body] == [
        (2048, 1365, 1234, "f0e1d2c3b4a59687"),
        (64, 48, 20, "1111111111111111"),
    ]
    assert body[0]["original_metadata"] == METADATA and body[1]["thumbnail_url"].endswith("/thumbnail/")
