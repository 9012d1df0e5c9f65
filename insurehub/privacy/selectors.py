from django.db.models import QuerySet
from django.http import Http404

from insurehub.core.roles import Role
from insurehub.privacy.models import PrivacyRequest
from insurehub.users.models import User


def privacy_requests_visible_to(user) -> QuerySet[PrivacyRequest]:
    """Admins see every request; anyone else the requests about themselves."""
    queryset = PrivacyRequest.objects.select_related("subject")
    if not user.is_authenticated:
        return queryset.none()
    if user.role == Role.ADMIN:
        return queryset
    return queryset.filter(subject=user)


def privacy_subject_for(*, caller, subject_id):
    """Who the request is about: oneself, or (admins only) anyone. Others' ids are a 404."""
    if subject_id is None or str(subject_id) == str(caller.pk):
        return caller
    if caller.role != Role.ADMIN:
        raise Http404
    return User.objects.get(pk=subject_id)
