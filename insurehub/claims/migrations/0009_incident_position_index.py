from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0008_seal_personal_fields"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(
                condition=models.Q(("incident_latitude__isnull", False)),
                fields=["incident_latitude", "incident_longitude"],
                name="claims_incident_position",
            ),
        ),
    ]
