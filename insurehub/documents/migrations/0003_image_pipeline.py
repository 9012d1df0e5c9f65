"""One image pipeline (documents/media.py): the served copy's size on the document, and the reuse
index (ImageHashBand) that holds every processed image, claim documents and assessment photos
alike, filled here from the hashes documents already have (assessments' migration 0002 adds
its photos)."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


def index_existing_hashes(apps, schema_editor):
    Document = apps.get_model("documents", "Document")
    ImageHashBand = apps.get_model("documents", "ImageHashBand")
    rows = []
    hashed = Document.objects.exclude(perceptual_hash="").values_list("pk", "claim_id", "perceptual_hash")
    for pk, claim_id, perceptual_hash in hashed.iterator():
        try:
            bands = bytes.fromhex(perceptual_hash.rjust(16, "0"))
        except ValueError:
            continue
        if len(bands) != 8:
            continue
        rows += [ImageHashBand(document_id=pk, claim_id=claim_id, band=i, value=v) for i, v in enumerate(bands)]
        if len(rows) >= 4000:
            ImageHashBand.objects.bulk_create(rows)
            rows = []
    ImageHashBand.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0001_initial"),
        ("documents", "0002_document_claim_and_more"),
    ]

    operations = [
        migrations.AddField(
            model_name="document",
            name="served_size",
            field=models.PositiveBigIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="document",
            name="served_width",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="document",
            name="served_height",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.CreateModel(
            name="ImageHashBand",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("band", models.PositiveSmallIntegerField(validators=[django.core.validators.MaxValueValidator(7)])),
                ("value", models.PositiveSmallIntegerField(validators=[django.core.validators.MaxValueValidator(255)])),
                (
                    "claim",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="claims.claim",
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="hash_bands",
                        to="documents.document",
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["band", "value"], name="documents_hash_band")],
                "constraints": [models.UniqueConstraint(fields=("document", "band"), name="documents_hash_band_once")],
            },
        ),
        migrations.RunPython(index_existing_hashes, migrations.RunPython.noop),
    ]
