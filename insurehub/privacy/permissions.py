"""Who may decide privacy requests (exports and erasures of someone's data): admins. Anyone asks for
their own export or erasure and reads their own requests (selectors)."""

from insurehub.core.permissions import allows, is_admin
from insurehub.realtime import groups


def can_decide_privacy_request(user, request=None) -> bool:
    return is_admin(user)


DecidesPrivacyRequests = allows(can_decide_privacy_request)


def privacy_request_audience(request) -> list[str]:
    """Who hears of a privacy request's progress: the person it is about (publish adds the admins),
    the same people privacy_requests_visible_to lets read it."""
    return [groups.ADMINS, groups.user_group(request.subject_id)]
