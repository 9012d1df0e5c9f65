"""The registration sealed at rest, with its blind index registration_hash; the per-owner uniqueness
moves to the blind index in 0004, once every row has one."""

import insurehub.core.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("vehicles", "0002_identity_unique_per_owner"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="vehicle",
            options={"ordering": ["created_at"]},
        ),
        migrations.RemoveConstraint(
            model_name="vehicle",
            name="vehicles_owner_registration_unique",
        ),
        migrations.RemoveIndex(
            model_name="vehicle",
            name="vehicles_ve_owner_i_3be331_idx",
        ),
        migrations.AddField(
            model_name="vehicle",
            name="registration_hash",
            field=models.CharField(db_index=True, default="", editable=False, max_length=64),
        ),
        migrations.AlterField(
            model_name="vehicle",
            name="registration",
            field=insurehub.core.fields.EncryptedTextField(max_length=16),
        ),
    ]
