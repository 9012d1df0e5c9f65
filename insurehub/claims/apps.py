from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "insurehub.claims"
    label = "claims"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from insurehub.claims import flags  # models are not ready before ready()
        from insurehub.realtime import events

        for event_type in flags.FILING_EVENTS:
            events.subscribe(event_type, flags.raise_filing_flags, phase=events.AFTER_COMMIT)
