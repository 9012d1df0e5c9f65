"""Seal the registrations written before 0003 and fill their blind index, in batches (each its own
transaction: the migration is not atomic; a value already sealed is skipped, so an interrupted run
resumes); then the per-owner uniqueness and the owner's lookup index on the blind index."""

from django.db import migrations, models


def seal_existing_rows(apps, schema_editor):
    from insurehub.core.sealing import fields_named, seal_model
    from insurehub.vehicles.models import normalise_registration

    Vehicle = apps.get_model("vehicles", "Vehicle")
    seal_model(
        Vehicle,
        fields_named(Vehicle, "registration"),
        blind_indexes={"registration": ("registration_hash", "registration", normalise_registration)},
    )


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("vehicles", "0003_registration_encrypted"),
    ]

    operations = [
        migrations.RunPython(seal_existing_rows, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="vehicle",
            index=models.Index(fields=["owner", "registration_hash"], name="vehicles_owner_reg_hash"),
        ),
        migrations.AddConstraint(
            model_name="vehicle",
            constraint=models.UniqueConstraint(
                fields=("owner", "registration_hash"), name="vehicles_owner_registration_hash_unique"
            ),
        ),
    ]
