from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.core.permissions import IsAdmin
from insurehub.privacy import services
from insurehub.privacy.api import serializers as s
from insurehub.privacy.selectors import privacy_requests_visible_to, privacy_subject_for


class ExportApi(APIView):
    @extend_schema(request=s.ExportInputSerializer, responses={202: s.PrivacyRequestOutputSerializer}, tags=["privacy"])
    def post(self, request):
        data = s.ExportInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        subject = privacy_subject_for(caller=request.user, subject_id=data.validated_data.get("subject"))
        privacy_request = services.export_request(subject=subject, requested_by=request.user)
        privacy_request.refresh_from_db()
        return Response(s.PrivacyRequestOutputSerializer(privacy_request).data, status=status.HTTP_202_ACCEPTED)


class ErasureApi(APIView):
    @extend_schema(
        request=s.ErasureInputSerializer, responses={202: s.PrivacyRequestOutputSerializer}, tags=["privacy"]
    )
    def post(self, request):
        data = s.ErasureInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        subject = privacy_subject_for(caller=request.user, subject_id=data.validated_data.get("subject"))
        privacy_request = services.erasure_request(
            subject=subject, requested_by=request.user, reason=data.validated_data["reason"]
        )
        return Response(s.PrivacyRequestOutputSerializer(privacy_request).data, status=status.HTTP_202_ACCEPTED)


class PrivacyRequestListApi(generics.ListAPIView):
    serializer_class = s.PrivacyRequestOutputSerializer
    filterset_fields = ["kind", "status"]
    ordering_fields = ["created_at"]

    def get_queryset(self):
        return privacy_requests_visible_to(self.request.user)


class PrivacyRequestDetailApi(APIView):
    @extend_schema(responses={200: s.PrivacyRequestOutputSerializer}, tags=["privacy"])
    def get(self, request, request_id):
        privacy_request = get_object_or_404(privacy_requests_visible_to(request.user), pk=request_id)
        return Response(s.PrivacyRequestOutputSerializer(privacy_request).data)


class PrivacyRequestDecisionApi(APIView):
    permission_classes = [IsAdmin]

    @extend_schema(
        request=s.DecisionInputSerializer, responses={200: s.PrivacyRequestOutputSerializer}, tags=["privacy"]
    )
    def post(self, request, request_id):
        privacy_request = get_object_or_404(privacy_requests_visible_to(request.user), pk=request_id)
        data = s.DecisionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        privacy_request = services.erasure_decide(
            request=privacy_request, decided_by=request.user, **data.validated_data
        )
        return Response(s.PrivacyRequestOutputSerializer(privacy_request).data)


class PrivacyExportDownloadApi(APIView):
    @extend_schema(responses={(200, "application/zip"): OpenApiTypes.BINARY}, tags=["privacy"])
    def get(self, request, request_id):
        privacy_request = get_object_or_404(privacy_requests_visible_to(request.user), pk=request_id)
        payload = services.export_download(request=privacy_request, user=request.user)
        response = HttpResponse(payload, content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="insurehub-export-{privacy_request.pk}.zip"'
        response["Cache-Control"] = "no-store"
        return response


class ConsentsApi(APIView):
    @extend_schema(responses={200: s.ConsentsOutputSerializer}, tags=["privacy"])
    def get(self, request):
        return Response({"consents": services.consents_current(user=request.user)})

    @extend_schema(request=s.ConsentsInputSerializer, responses={200: s.ConsentsOutputSerializer}, tags=["privacy"])
    def put(self, request):
        data = s.ConsentsInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        for consent in data.validated_data["consents"]:
            services.consent_set(user=request.user, purpose=consent["purpose"], granted=consent["granted"])
        return Response({"consents": services.consents_current(user=request.user)})
