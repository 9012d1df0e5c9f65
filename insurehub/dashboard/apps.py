from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "insurehub.dashboard"
    label = "dashboard"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from insurehub.dashboard import receivers  # models are not ready before ready()

        receivers.subscribe()
