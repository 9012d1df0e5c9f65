from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    name = "insurehub.realtime"
    label = "realtime"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Sockets may subscribe to a claim under the same rule as the API (claims_visible_to).
        try:
            from insurehub.claims.selectors import claims_visible_to
        except ImportError:  # the claims app has no selectors yet
            return
        from insurehub.realtime import groups, subscriptions

        subscriptions.register(
            "claim",
            group=groups.claim_group,
            visible=lambda user, pk: claims_visible_to(user).filter(pk=pk).exists(),
        )
