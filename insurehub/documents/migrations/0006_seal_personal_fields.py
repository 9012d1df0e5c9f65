"""Seal the personal fields 0005_personal_fields_encrypted made encrypted: each batch of rows is its own transaction (the
migration is not atomic), and a value already sealed is skipped, so an interrupted run resumes."""

from django.db import migrations


def seal_existing_rows(apps, schema_editor):
    """Rows written before the columns were encrypted: sealed in batches (resumable)."""
    from insurehub.core.sealing import fields_named, seal_model

    Document = apps.get_model("documents", "Document")
    seal_model(Document, fields_named(Document, "extracted_text", "processed_data", "validation_findings"))


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("documents", "0005_personal_fields_encrypted"),
    ]

    operations = [
        migrations.RunPython(seal_existing_rows, migrations.RunPython.noop),
    ]
