"""Photos' images move to their documents (documents/media.py is the one pipeline): each photo's
served copy, thumbnail, sizes, perceptual hash and sealed metadata become its document's (the
document's own second copies, made by its processing job, are deleted after commit), and the
photo's hash joins the documents' reuse index under the photo's claim. A photo whose document
was deleted gets a document made from its served copy. A photo with neither a document nor a
served copy had no image left to show and is removed (migration 0003 makes the document required).
"""

import logging

from django.db import migrations, transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

MEDIA_FIELDS = {  # photo field -> document field
    "served_key": "served_key",
    "thumbnail_key": "thumbnail_key",
    "served_size": "served_size",
    "width": "served_width",
    "height": "served_height",
    "perceptual_hash": "perceptual_hash",
    "original_metadata": "private_metadata",
}


def _delete_files_after_commit(keys: list[str]) -> None:
    if not keys:
        return

    def delete():
        from django.core.files.storage import storages

        try:
            storage = storages["documents"]
            for key in keys:
                storage.delete(key)
        except Exception:  # best effort: a file left behind is an orphan, never served
            logger.warning("could not delete %d replaced image copies", len(keys), exc_info=True)

    transaction.on_commit(delete)


def _bands(perceptual_hash: str) -> list[int] | None:
    try:
        bands = bytes.fromhex(perceptual_hash.rjust(16, "0"))
    except ValueError:
        return None
    return list(bands) if len(bands) == 8 else None


def forwards(apps, schema_editor):
    Photo = apps.get_model("assessments", "Photo")
    Document = apps.get_model("documents", "Document")
    ImageHashBand = apps.get_model("documents", "ImageHashBand")
    replaced: list[str] = []
    for photo in Photo.objects.select_related("document").order_by("created_at").iterator(chunk_size=200):
        document = photo.document
        if document is None:
            if not photo.served_key:
                logger.warning("assessment photo %s had no document and no copy: removed", photo.pk)
                photo.delete()
                continue
            now = timezone.now()
            document = Document.objects.create(
                owner_id=photo.uploaded_by_id,
                kind="photo",
                filename=photo.filename,
                file_type="image/jpeg",
                file_size=photo.served_size or photo.original_size,
                sha256=photo.sha256,
                storage_key=photo.served_key,  # the original is gone: the served copy stands in
                scan_status="clean",
                scanned_at=photo.created_at,
                processing_status="done",
                processing_progress=100,
                processed_at=now,
            )
            photo.document = document
            photo.save(update_fields=["document"])
        if photo.served_key:
            replaced += [
                key
                for key in (document.served_key, document.thumbnail_key)
                if key and key not in (photo.served_key, photo.thumbnail_key, document.storage_key)
            ]
            for source, target in MEDIA_FIELDS.items():
                setattr(document, target, getattr(photo, source))
            if document.image_width is None:
                document.image_width, document.image_height = photo.width, photo.height
            document.save(update_fields=[*MEDIA_FIELDS.values(), "image_width", "image_height"])
        bands = _bands(document.perceptual_hash) if document.perceptual_hash else None
        ImageHashBand.objects.filter(document_id=document.pk).delete()
        if bands:
            ImageHashBand.objects.bulk_create(
                [
                    ImageHashBand(document_id=document.pk, claim_id=photo.claim_id, band=i, value=v)
                    for i, v in enumerate(bands)
                ]
            )
    _delete_files_after_commit(replaced)


def backwards(apps, schema_editor):
    Photo = apps.get_model("assessments", "Photo")
    PhotoHashBand = apps.get_model("assessments", "PhotoHashBand")
    for photo in Photo.objects.select_related("document").exclude(document=None).iterator(chunk_size=200):
        document = photo.document
        if not document.served_key:
            continue
        for source, target in MEDIA_FIELDS.items():
            setattr(photo, source, getattr(document, target))
        photo.perceptual_hash = (photo.perceptual_hash or "")[:16]
        photo.save(update_fields=list(MEDIA_FIELDS))
        bands = _bands(photo.perceptual_hash) if photo.perceptual_hash else None
        PhotoHashBand.objects.filter(photo_id=photo.pk).delete()
        if bands:
            PhotoHashBand.objects.bulk_create(
                [PhotoHashBand(photo_id=photo.pk, band=i, value=v) for i, v in enumerate(bands)]
            )


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_initial"),
        ("documents", "0003_image_pipeline"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
