from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "insurehub.payments"
    label = "payments"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here: these modules import models, which are not ready before ready().
        from insurehub.payments import receivers, selectors
        from insurehub.policies.documents import register_instalment_plan
        from insurehub.policies.services import register_overdue_policies

        receivers.subscribe()
        register_overdue_policies(selectors.policies_overdue)
        register_instalment_plan(selectors.instalment_plan)
