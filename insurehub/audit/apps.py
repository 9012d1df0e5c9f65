from django.apps import AppConfig

from insurehub.audit.chain import chain_key


class AuditConfig(AppConfig):
    name = "insurehub.audit"
    label = "audit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Production stops at start-up without AUDIT_CHAIN_KEY (never later, with a half-sealed log).
        chain_key()
