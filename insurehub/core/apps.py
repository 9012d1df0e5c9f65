from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "insurehub.core"
    label = "core"

    def ready(self) -> None:
        # A missing or malformed FIELD_ENCRYPTION_KEYS stops every process at start-up (web,
        # workers, commands) with a clear ImproperlyConfigured, never later with plaintext.
        from insurehub.core.encryption import key_ring

        key_ring()
