"""Assessments carry their claim's department (copied once: a claim's department never changes), so the
dashboard counts a department's assessments on one index instead of joining every claim."""

from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_departments(apps, schema_editor):
    Assessment = apps.get_model("assessments", "Assessment")
    Claim = apps.get_model("claims", "Claim")
    department = Claim.objects.filter(pk=OuterRef("claim_id")).values("department")[:1]
    Assessment.objects.filter(department="").update(department=Subquery(department))


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0004_status_history"),
        ("claims", "0004_assessor_figures_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="assessment",
            name="department",
            field=models.CharField(blank=True, default="", editable=False, max_length=32),
            preserve_default=False,
        ),
        migrations.RunPython(copy_departments, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="assessment",
            index=models.Index(fields=["department", "status"], name="assessments_department_status"),
        ),
    ]
