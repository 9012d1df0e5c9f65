"""Who may decide privacy requests (exports and erasures of someone's data): admins. Anyone asks for
their own export or erasure and reads their own requests (selectors)."""

from insurehub.core.permissions import allows, is_admin


def can_decide_privacy_request(user, request=None) -> bool:
    return is_admin(user)


DecidesPrivacyRequests = allows(can_decide_privacy_request)
