"""The Alert model moves here from the dashboard app; its table (dashboard_alert), rows and indexes
stay as they are: only Django's record of which app owns the model changes."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def content_type_to_alerts(apps, schema_editor):
    """Permissions and admin history follow the model: its content type changes app, not id."""
    content_type = apps.get_model("contenttypes", "ContentType")
    if not content_type.objects.filter(app_label="alerts", model="alert").exists():
        content_type.objects.filter(app_label="dashboard", model="alert").update(app_label="alerts")


def content_type_to_dashboard(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    if not content_type.objects.filter(app_label="dashboard", model="alert").exists():
        content_type.objects.filter(app_label="alerts", model="alert").update(app_label="dashboard")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("claims", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("dashboard", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Alert",
                    fields=[
                        ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ("created_at", models.DateTimeField(auto_now_add=True, db_index=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        ("kind", models.CharField(db_index=True, max_length=48)),
                        (
                            "severity",
                            models.CharField(
                                choices=[
                                    ("low", "Low"),
                                    ("medium", "Medium"),
                                    ("high", "High"),
                                    ("critical", "Critical"),
                                ],
                                max_length=8,
                            ),
                        ),
                        ("title", models.CharField(max_length=200)),
                        ("message", models.TextField(blank=True)),
                        ("data", models.JSONField(blank=True, default=dict)),
                        ("department", models.CharField(blank=True, max_length=32)),
                        (
                            "status",
                            models.CharField(
                                choices=[("open", "Open"), ("acknowledged", "Acknowledged"), ("resolved", "Resolved")],
                                default="open",
                                max_length=12,
                            ),
                        ),
                        ("acknowledged_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "acknowledged_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "claim",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="alerts",
                                to="claims.claim",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "dashboard_alert",
                        "ordering": ["-created_at"],
                        "indexes": [
                            models.Index(fields=["status", "severity", "-created_at"], name="alerts_open_by_severity"),
                            models.Index(fields=["claim", "kind", "status"], name="alerts_claim_kind"),
                            models.Index(fields=["department", "status"], name="alerts_department"),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_to_alerts, content_type_to_dashboard),
    ]
