from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "insurehub.intake"
    label = "intake"
    verbose_name = "Bulk intake"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The job registered with Celery when the app loads, so a service can enqueue it by name.
        # The API key's scheme described in the OpenAPI schema.
        from insurehub.intake import schema, tasks  # noqa: F401
