from django.apps import AppConfig


class WorkflowsConfig(AppConfig):
    name = "insurehub.workflows"
    label = "workflows"
    default_auto_field = "django.db.models.BigAutoField"
