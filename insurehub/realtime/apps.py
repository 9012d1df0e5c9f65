from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    name = "insurehub.realtime"
    label = "realtime"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # What sockets may subscribe to is registered by the apps above (claims: ClaimsConfig.ready()).
        from insurehub.core.metrics import DATABASE_GAUGES
        from insurehub.realtime.metrics import OutboxGaugesCollector  # reads models: not before ready()

        DATABASE_GAUGES.register(OutboxGaugesCollector())
