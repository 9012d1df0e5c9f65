from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "insurehub.claims"
    label = "claims"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here: these modules import models, which are not ready before ready().
        from insurehub.claims import flags
        from insurehub.claims.selectors import claims_visible_to
        from insurehub.claims.services import catastrophe, settlement_payout
        from insurehub.realtime import events, groups, subscriptions

        for event_type in flags.FILING_EVENTS:
            events.subscribe(event_type, flags.raise_filing_flags, phase=events.AFTER_COMMIT)
        # A settlement's claim is settled when payments says its payout left (or sent back when it failed).
        settlement_payout.subscribe()
        # A catastrophe event declared, or its area or window changed: its claims are tagged (a job).
        for event_type in ("catastrophe.declared", "catastrophe.updated"):
            events.subscribe(event_type, catastrophe.on_catastrophe_scope, phase=events.AFTER_COMMIT)
        # Sockets may subscribe to a claim under the same rule as the API (claims_visible_to).
        subscriptions.register(
            "claim",
            group=groups.claim_group,
            visible=lambda user, pk: claims_visible_to(user).filter(pk=pk).exists(),
        )
