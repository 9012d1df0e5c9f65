"""The real URLs plus views that fail on purpose, for the error-shape tests."""

from django.urls import path
from rest_framework.views import APIView

from insurehub.config.urls import urlpatterns as real_urlpatterns


class ExplodingApi(APIView):
    authentication_classes: list = []
    permission_classes: list = []

    def get(self, request):
        raise RuntimeError("secret internal detail that must not leak")


def exploding_django_view(request):
    raise RuntimeError("secret internal detail that must not leak")


urlpatterns = [
    path("api/test-explode/", ExplodingApi.as_view()),
    path("plain-explode/", exploding_django_view),
    *real_urlpatterns,
]

handler404 = "insurehub.core.errors.handler404"
handler500 = "insurehub.core.errors.handler500"
