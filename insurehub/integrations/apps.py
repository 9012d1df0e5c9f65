from django.apps import AppConfig


class IntegrationsConfig(AppConfig):
    name = "insurehub.integrations"
    label = "integrations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from insurehub.integrations import receivers  # models are not ready before ready()

        receivers.subscribe()
