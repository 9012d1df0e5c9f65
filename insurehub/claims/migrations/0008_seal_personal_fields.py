"""Seal the personal fields 0007_personal_fields_encrypted made encrypted: each batch of rows is its own transaction (the
migration is not atomic), and a value already sealed is skipped, so an interrupted run resumes."""

from django.db import migrations


def seal_existing_rows(apps, schema_editor):
    """Rows written before the columns were encrypted: sealed in batches (resumable)."""
    from insurehub.core.sealing import fields_named, seal_model

    Claim = apps.get_model("claims", "Claim")
    seal_model(Claim, fields_named(Claim, "incident_address", "description"))
    ClaimCommunication = apps.get_model("claims", "ClaimCommunication")
    seal_model(ClaimCommunication, fields_named(ClaimCommunication, "body"))
    ClaimSettlement = apps.get_model("claims", "ClaimSettlement")
    seal_model(ClaimSettlement, fields_named(ClaimSettlement, "payee"))


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("claims", "0007_personal_fields_encrypted"),
    ]

    operations = [
        migrations.RunPython(seal_existing_rows, migrations.RunPython.noop),
    ]
