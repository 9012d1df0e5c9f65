from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.privacy import permissions, services
from insurehub.privacy.api import serializers as s
from insurehub.privacy.selectors import privacy_requests_visible_to, privacy_subject_for


class ExportApi(APIView):
    @extend_schema(request=s.ExportInputSerializer, responses={202: s.PrivacyRequestOutputSerializer}, tags=["privacy"])
    def post(self, request):
        """Request an export of a person's data.

        Builds, in the background, one zip archive with `data.json` (every app's part: profile,
        policies, payments, vehicles, claims, documents, consents, notifications, ...) and the person's
        files. Answers 202 with the request (`processing`); when it is `completed` its `download_url`
        works for `PRIVACY_EXPORT_LINK_HOURS` hours (24).

        Access: anyone, about themselves; admins about anyone (`subject`).

        Errors: 400 `validation_error`; 404 `not_found` (a `subject` other than yourself, unless you are
        an admin, or no such user).
        """
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
        """Request the erasure of a person's data.

        Files an erasure request (202) for an admin to decide. It is `held` while something must
        finish first (`hold_reasons`: an open claim, a pending payment or payout, an export being
        built) and `requested` otherwise. Erasure pseudonymises what the law requires to keep (claims,
        payments) and deletes the rest.

        Access: anyone, about themselves; admins about anyone (`subject`).

        Errors: 400 `validation_error`; 404 `not_found` (another person's `subject`, unless you are an
        admin); 409 `erasure_pending` (one is already open for this person).
        """
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

    @extend_schema(tags=["privacy"])
    def get(self, request, *args, **kwargs):
        """List privacy requests.

        Exports and erasures with their state, newest first by default. Filters: `kind`, `status`;
        `ordering` by `created_at`.

        Access: any signed-in user sees the requests about themselves; admins see all.

        Errors: 400 `validation_error` (a malformed filter value).
        """
        return super().get(request, *args, **kwargs)


class PrivacyRequestDetailApi(APIView):
    @extend_schema(responses={200: s.PrivacyRequestOutputSerializer}, tags=["privacy"])
    def get(self, request, request_id):
        """Show a privacy request.

        Access: the person it is about, and admins.

        Errors: 404 `not_found`.
        """
        privacy_request = get_object_or_404(privacy_requests_visible_to(request.user), pk=request_id)
        return Response(s.PrivacyRequestOutputSerializer(privacy_request).data)


class PrivacyRequestDecisionApi(APIView):
    permission_classes = [permissions.DecidesPrivacyRequests]

    @extend_schema(
        request=s.DecisionInputSerializer, responses={200: s.PrivacyRequestOutputSerializer}, tags=["privacy"]
    )
    def post(self, request, request_id):
        """Decide an erasure request.

        `approve: false` rejects it (with a `note`). `approve: true` checks the holds again: if nothing
        holds it back, the erasure runs now and the request is `completed` with a summary per app in
        `result`; otherwise it stays `held` and the answer is 409.

        Access: admins.

        Errors: 400 `validation_error`; 403 `permission_denied`; 404 `not_found`; 409 `not_pending`
        (not an erasure, or already decided); 409 `erasure_held` (`hold_reasons` says what must finish
        first).
        """
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
        """Download a data export (zip).

        The archive of a completed export, while its link is valid; never cached.

        Access: the person it is about, and admins.

        Errors: 404 `not_found`; 409 `export_not_ready` (not an export, or not completed yet); 410
        `export_expired` (request a new export).
        """
        privacy_request = get_object_or_404(privacy_requests_visible_to(request.user), pk=request_id)
        payload = services.export_download(request=privacy_request, user=request.user)
        response = HttpResponse(payload, content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="insurehub-export-{privacy_request.pk}.zip"'
        response["Cache-Control"] = "no-store"
        return response


class ConsentsApi(APIView):
    @extend_schema(responses={200: s.ConsentsOutputSerializer}, tags=["privacy"])
    def get(self, request):
        """Show your consents.

        One entry per purpose (`marketing`, `partner_sharing`, `analytics`, `telematics`): whether you
        granted it and when you last changed it. A purpose never answered is not granted.

        Access: any signed-in user, for themselves.

        Errors: none of its own.
        """
        return Response({"consents": services.consents_current(user=request.user)})

    @extend_schema(request=s.ConsentsInputSerializer, responses={200: s.ConsentsOutputSerializer}, tags=["privacy"])
    def put(self, request):
        """Give or withdraw consents.

        Each entry of `consents` records `granted` for its `purpose` (every change is kept, with the time
        and IP address); purposes not sent are unchanged. Answers all your consents.

        Access: any signed-in user, for themselves.

        Errors: 400 `validation_error` (an unknown purpose, an empty list).
        """
        data = s.ConsentsInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        for consent in data.validated_data["consents"]:
            services.consent_set(user=request.user, purpose=consent["purpose"], granted=consent["granted"])
        return Response({"consents": services.consents_current(user=request.user)})
