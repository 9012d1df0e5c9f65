"""The real URLs plus one write that deadlocks on demand (insurehub/core/tests/deadlocks.py)."""

from django.http import JsonResponse
from django.urls import path
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.config.urls import urlpatterns as real_urlpatterns
from insurehub.core.db import side_effect
from insurehub.core.tests.deadlocks import victim


class DeadlockingApi(APIView):
    authentication_classes: list = []
    permission_classes: list = []

    def post(self, request):
        return Response({"attempt": victim(), "echo": request.data.get("echo")}, status=201)


class ProviderThenDeadlockApi(APIView):
    """Calls a provider (says so), then writes: running it again would call the provider twice."""

    authentication_classes: list = []
    permission_classes: list = []

    def post(self, request):
        side_effect("test.provider")
        return Response({"attempt": victim()}, status=201)


def deadlocking_django_view(request):
    return JsonResponse({"attempt": victim()}, status=201)


urlpatterns = [
    path("api/test-deadlock/", DeadlockingApi.as_view()),
    path("plain-deadlock/", deadlocking_django_view),
    path("api/test-provider-then-deadlock/", ProviderThenDeadlockApi.as_view()),
    *real_urlpatterns,
]

handler404 = "insurehub.core.errors.handler404"
handler500 = "insurehub.core.errors.handler500"
