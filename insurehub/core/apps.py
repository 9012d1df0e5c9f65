from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "insurehub.core"
    label = "core"

    def ready(self) -> None:
        # Every process (web, workers, commands) stops at start-up with a clear ImproperlyConfigured:
        # a missing or malformed FIELD_ENCRYPTION_KEYS (never later with plaintext), and in production
        # a stand-in provider or a weak or missing key (the modules also register their
        # `check --deploy` checks).
        from insurehub.core.encryption import key_ring
        from insurehub.core.production_keys import refuse_weak_keys_in_production
        from insurehub.core.stand_ins import refuse_stand_ins_in_production

        key_ring()
        refuse_stand_ins_in_production()
        refuse_weak_keys_in_production()
