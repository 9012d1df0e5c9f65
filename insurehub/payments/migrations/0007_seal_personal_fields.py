"""Seal the personal fields 0006_personal_fields_encrypted made encrypted: each batch of rows is its own transaction (the
migration is not atomic), and a value already sealed is skipped, so an interrupted run resumes."""

from django.db import migrations


def seal_existing_rows(apps, schema_editor):
    """Rows written before the columns were encrypted: sealed in batches (resumable), the phone's
    blind index filled from the plaintext."""
    from insurehub.core.sealing import fields_named, seal_model

    Transaction = apps.get_model("payments", "Transaction")
    seal_model(
        Transaction,
        fields_named(Transaction, "phone", "payee", "provider_payloads"),
        blind_indexes={"phone": ("phone_hash", "phone", str)},
    )
    PayoutBatch = apps.get_model("payments", "PayoutBatch")
    seal_model(PayoutBatch, fields_named(PayoutBatch, "content"))


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("payments", "0006_personal_fields_encrypted"),
    ]

    operations = [
        migrations.RunPython(seal_existing_rows, migrations.RunPython.noop),
    ]
