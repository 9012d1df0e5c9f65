from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "insurehub.notifications"
    label = "notifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here: these modules import models, which are not ready before ready().
        from insurehub.notifications import account_messages, receivers
        from insurehub.users.account_messages import register_delivery

        register_delivery(account_messages.deliver)
        receivers.subscribe()
