"""Who may manage partners' webhooks (subscriptions, deliveries, replays): admins. Who hears of an
event is its audience (audiences.py, from each app's visibility rule); what a socket may subscribe
to is subscriptions.py."""

from insurehub.core.permissions import allows, is_admin


def can_manage_webhooks(user, obj=None) -> bool:
    return is_admin(user)


ManagesWebhooks = allows(can_manage_webhooks)
