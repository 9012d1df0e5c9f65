from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "insurehub.analytics"
    label = "analytics"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from insurehub.analytics import signals  # noqa: F401 - records logins
