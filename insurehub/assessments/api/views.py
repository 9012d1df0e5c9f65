"""Assessment endpoints: parse, call one service or selector, serialize. Visibility is the
claim's (selectors); who may change what is decided in the services (permissions.py)."""

from decimal import Decimal

import django_filters
from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.assessments import estimating, selectors, services
from insurehub.assessments.api import serializers as s
from insurehub.assessments.models import Assessment, AssessmentSection, Estimate, Photo
from insurehub.assessments.report import assessment_report_pdf
from insurehub.assessments.sections import SCHEMAS
from insurehub.claims.selectors import claims_visible_to
from insurehub.core.errors import ApplicationError
from insurehub.core.pagination import CursorPagination
from insurehub.core.roles import Role
from insurehub.users.models import User

TAGS = ["assessments"]


def _is_customer(request) -> bool:
    return request.user.role == Role.CUSTOMER


def _staff_only(request, what: str) -> None:
    if _is_customer(request):
        raise ApplicationError("permission_denied", f"{what} are internal to the insurer.", status=403)


def _assessment(request, assessment_id) -> Assessment:
    return get_object_or_404(selectors.assessment_detail(request.user), pk=assessment_id)


def _assessment_out(request, assessment: Assessment):
    serializer = s.AssessmentSummarySerializer if _is_customer(request) else s.AssessmentSerializer
    fresh = selectors.assessment_detail(request.user).get(pk=assessment.pk)
    return serializer(fresh).data


def _assessor(value) -> User | None:
    if value is None:
        return None
    return get_object_or_404(User, pk=value, is_active=True)


class AssessmentCursorPagination(CursorPagination):
    ordering = ("-created_at", "-id")


class AssessmentFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Assessment._meta.get_field("status").choices)

    class Meta:
        model = Assessment
        fields = ["claim", "assessor"]


class AssessmentListCreateApi(generics.ListAPIView):
    pagination_class = AssessmentCursorPagination
    filterset_class = AssessmentFilter
    ordering_fields = ["created_at", "scheduled_at", "completed_at"]

    def get_serializer_class(self):
        if getattr(self, "swagger_fake_view", False) or not _is_customer(self.request):
            return s.AssessmentSerializer
        return s.AssessmentSummarySerializer

    def get_queryset(self):
        return selectors.assessment_detail(self.request.user)

    @extend_schema(request=s.AssessmentCreateSerializer, responses={201: s.AssessmentSerializer}, tags=TAGS)
    def post(self, request):
        data = s.AssessmentCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        claim = get_object_or_404(claims_visible_to(request.user), pk=values["claim"])
        assessment = services.assessment_create(
            claim=claim,
            created_by=request.user,
            assessor=_assessor(values.get("assessor")),
            scheduled_at=values.get("scheduled_at"),
            notes=values["notes"],
        )
        return Response(_assessment_out(request, assessment), status=status.HTTP_201_CREATED)


class AssessmentDetailApi(APIView):
    @extend_schema(responses={200: s.AssessmentSerializer}, tags=TAGS)
    def get(self, request, assessment_id):
        return Response(_assessment_out(request, _assessment(request, assessment_id)))

    @extend_schema(request=s.AssessmentUpdateSerializer, responses={200: s.AssessmentSerializer}, tags=TAGS)
    def patch(self, request, assessment_id):
        assessment = _assessment(request, assessment_id)
        data = s.AssessmentUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        if "assessor" in values:
            values["assessor"] = _assessor(values["assessor"])
        services.assessment_update(assessment=assessment, data=values, updated_by=request.user)
        return Response(_assessment_out(request, assessment))


class ClaimAssessmentApi(APIView):
    @extend_schema(responses={200: s.AssessmentSerializer}, tags=TAGS, operation_id="claims_assessment_retrieve")
    def get(self, request, claim_id):
        claim = get_object_or_404(claims_visible_to(request.user), pk=claim_id)
        assessment = selectors.active_assessment_of(request.user, claim.pk)
        if assessment is None:
            raise ApplicationError("no_assessment", "The claim has no active assessment.", status=404)
        return Response(_assessment_out(request, assessment))


class AssessmentCancelApi(APIView):
    @extend_schema(request=s.CancelSerializer, responses={200: s.AssessmentSerializer}, tags=TAGS)
    def post(self, request, assessment_id):
        assessment = _assessment(request, assessment_id)
        data = s.CancelSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.assessment_cancel(
            assessment=assessment, reason=data.validated_data["reason"], cancelled_by=request.user
        )
        return Response(_assessment_out(request, assessment))


class AssessmentCompleteApi(APIView):
    @extend_schema(request=None, responses={200: s.AssessmentSerializer}, tags=TAGS)
    def post(self, request, assessment_id):
        assessment = _assessment(request, assessment_id)
        services.assessment_complete(assessment=assessment, completed_by=request.user)
        return Response(_assessment_out(request, assessment))


class TotalLossApi(APIView):
    @extend_schema(request=s.TotalLossOverrideSerializer, responses={200: s.AssessmentSerializer}, tags=TAGS)
    def post(self, request, assessment_id):
        assessment = _assessment(request, assessment_id)
        data = s.TotalLossOverrideSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.total_loss_override(
            assessment=assessment,
            total_loss=data.validated_data["total_loss"],
            reason=data.validated_data["reason"],
            overridden_by=request.user,
        )
        return Response(_assessment_out(request, assessment))


# --- sections ----------------------------------------------------------------------------


class SectionSchemasApi(APIView):
    @extend_schema(responses={200: s.SectionSchemaSerializer(many=True)}, tags=TAGS)
    def get(self, request):
        return Response([{"kind": kind, "schema": schema} for kind, schema in SCHEMAS.items()])


class SectionListApi(APIView):
    @extend_schema(responses={200: s.SectionSerializer(many=True)}, tags=TAGS)
    def get(self, request, assessment_id):
        assessment = _assessment(request, assessment_id)
        serializer = s.SectionSummarySerializer if _is_customer(request) else s.SectionSerializer
        return Response(serializer(assessment.sections.all(), many=True).data)


class SectionDetailApi(APIView):
    def _section(self, request, assessment_id, kind) -> AssessmentSection:
        assessment = _assessment(request, assessment_id)
        return get_object_or_404(
            AssessmentSection.objects.select_related("assessment"), assessment=assessment, kind=kind
        )

    @extend_schema(responses={200: s.SectionSerializer}, tags=TAGS)
    def get(self, request, assessment_id, kind):
        section = self._section(request, assessment_id, kind)
        serializer = s.SectionSummarySerializer if _is_customer(request) else s.SectionSerializer
        return Response(serializer(section).data)

    @extend_schema(request=s.SectionUpdateSerializer, responses={200: s.SectionSerializer}, tags=TAGS)
    def patch(self, request, assessment_id, kind):
        section = self._section(request, assessment_id, kind)
        data = s.SectionUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        section = services.section_update(section=section, data=data.validated_data, updated_by=request.user)
        return Response(s.SectionSerializer(section).data)


# --- photos ------------------------------------------------------------------------------


def _photo_serializer(request):
    return s.PhotoSerializer if _is_customer(request) else s.StaffPhotoSerializer


def _section_of(assessment: Assessment, kind: str | None) -> AssessmentSection | None:
    return None if not kind else get_object_or_404(AssessmentSection, assessment=assessment, kind=kind)


class PhotoListApi(APIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(responses={200: s.StaffPhotoSerializer(many=True)}, tags=TAGS)
    def get(self, request, assessment_id):
        assessment = _assessment(request, assessment_id)
        photos = selectors.photos_of(assessment, served_only=_is_customer(request))
        return Response(_photo_serializer(request)(photos, many=True, context={"request": request}).data)

    @extend_schema(
        request={"multipart/form-data": s.PhotoUploadSerializer},
        responses={201: s.StaffPhotoSerializer(many=True)},
        tags=TAGS,
    )
    def post(self, request, assessment_id):
        assessment = _assessment(request, assessment_id)
        payload = {key: request.data.get(key) for key in request.data if key != "files"}
        payload["files"] = request.FILES.getlist("files") or request.FILES.getlist("file")
        payload.pop("file", None)
        data = s.PhotoUploadSerializer(data=payload)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        photos = services.photo_upload(
            assessment=assessment,
            uploads=[services.PhotoUpload(file=f, filename=f.name, size=f.size) for f in values["files"]],
            uploaded_by=request.user,
            caption=values["caption"],
            section=_section_of(assessment, values.get("section")),
            taken_at=values.get("taken_at"),
        )
        return Response(
            s.StaffPhotoSerializer(photos, many=True, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class PhotoDetailApi(APIView):
    def _photo(self, request, assessment_id, photo_id) -> Photo:
        assessment = _assessment(request, assessment_id)
        photos = selectors.photos_of(assessment, served_only=_is_customer(request))
        return get_object_or_404(photos.select_related("assessment__claim", "document"), pk=photo_id)

    @extend_schema(responses={200: s.StaffPhotoSerializer}, tags=TAGS)
    def get(self, request, assessment_id, photo_id):
        photo = self._photo(request, assessment_id, photo_id)
        return Response(_photo_serializer(request)(photo, context={"request": request}).data)

    @extend_schema(request=s.PhotoUpdateSerializer, responses={200: s.StaffPhotoSerializer}, tags=TAGS)
    def patch(self, request, assessment_id, photo_id):
        photo = self._photo(request, assessment_id, photo_id)
        data = s.PhotoUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        if "section" in values:
            values["section"] = _section_of(photo.assessment, values["section"])
        photo = services.photo_update(photo=photo, data=values, updated_by=request.user)
        return Response(s.StaffPhotoSerializer(photo, context={"request": request}).data)

    @extend_schema(responses={204: None}, tags=TAGS)
    def delete(self, request, assessment_id, photo_id):
        photo = self._photo(request, assessment_id, photo_id)
        services.photo_delete(photo=photo, deleted_by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PhotoFileApi(APIView):
    """The served copy (JPEG) or the thumbnail (WebP): never the original."""

    @extend_schema(
        responses={(200, "image/jpeg"): OpenApiTypes.BINARY, (200, "image/webp"): OpenApiTypes.BINARY},
        tags=TAGS,
        operation_id="assessments_photos_file_retrieve",
    )
    def get(self, request, assessment_id, photo_id, variant):
        from insurehub.documents.storage import documents_storage

        if variant not in ("full", "thumbnail"):
            raise Http404
        assessment = _assessment(request, assessment_id)
        photo = get_object_or_404(selectors.photos_of(assessment, served_only=True), pk=photo_id)
        key, content_type = (
            (photo.served_key, "image/jpeg") if variant == "full" else (photo.thumbnail_key, "image/webp")
        )
        response = FileResponse(documents_storage().open(key, "rb"), content_type=content_type)
        response["Cache-Control"] = "private, max-age=300"
        response["X-Content-Type-Options"] = "nosniff"
        return response


# --- estimates ---------------------------------------------------------------------------


class EstimateListApi(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("compare", OpenApiTypes.BOOL, description="Side-by-side comparison of the estimates"),
            OpenApiParameter("baseline", OpenApiTypes.UUID, description="Estimate to compare against (default: "
                             "the accepted one, else the assessor's first, else the first)"),
        ],
        responses={200: s.EstimateSerializer(many=True)},
        tags=TAGS,
        description="With ?compare=1 the answer is a comparison object (see EstimateComparison).",
    )  # fmt: skip
    def get(self, request, assessment_id):
        assessment = _assessment(request, assessment_id)
        _staff_only(request, "Estimates")
        estimates = list(selectors.estimates_of(assessment))
        if request.query_params.get("compare") in ("1", "true", "yes"):
            return Response(s.ComparisonSerializer(_comparison(request, estimates)).data)
        return Response(s.EstimateSerializer(estimates, many=True).data)

    @extend_schema(request=s.EstimateCreateSerializer, responses={201: s.EstimateSerializer}, tags=TAGS)
    def post(self, request, assessment_id):
        assessment = _assessment(request, assessment_id)
        _staff_only(request, "Estimates")
        data = s.EstimateCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        estimate = services.estimate_create(assessment=assessment, created_by=request.user, **data.validated_data)
        return Response(
            s.EstimateSerializer(selectors.estimates_of(assessment).get(pk=estimate.pk)).data,
            status=status.HTTP_201_CREATED,
        )


def _comparison(request, estimates: list[Estimate]) -> dict:
    if len(estimates) < 2:
        raise ApplicationError("nothing_to_compare", "At least two estimates are needed for a comparison.", status=409)
    wanted = request.query_params.get("baseline")
    if wanted:
        baseline = next((e for e in estimates if str(e.pk) == wanted), None)
        if baseline is None:
            raise ApplicationError(
                "invalid_baseline", "The baseline is not one of this assessment's estimates.",
                errors=[{"field": "baseline", "code": "invalid", "message": "Unknown estimate."}],
            )  # fmt: skip
    else:
        baseline = (
            next((e for e in estimates if e.status == "accepted"), None)
            or next((e for e in estimates if e.source == "assessor"), None)
            or estimates[0]
        )
    ordered = [baseline] + [e for e in estimates if e.pk != baseline.pk]
    return estimating.compare(
        ordered, baseline=baseline, threshold_percent=Decimal(settings.ASSESSMENTS_VARIANCE_THRESHOLD_PERCENT)
    )


class EstimateDetailApi(APIView):
    def _estimate(self, request, assessment_id, estimate_id) -> Estimate:
        assessment = _assessment(request, assessment_id)
        _staff_only(request, "Estimates")
        return get_object_or_404(selectors.estimates_of(assessment).select_related("assessment"), pk=estimate_id)

    @extend_schema(responses={200: s.EstimateSerializer}, tags=TAGS)
    def get(self, request, assessment_id, estimate_id):
        return Response(s.EstimateSerializer(self._estimate(request, assessment_id, estimate_id)).data)

    @extend_schema(request=s.EstimateUpdateSerializer, responses={200: s.EstimateSerializer}, tags=TAGS)
    def patch(self, request, assessment_id, estimate_id):
        estimate = self._estimate(request, assessment_id, estimate_id)
        data = s.EstimateUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.estimate_update(estimate=estimate, data=data.validated_data, updated_by=request.user)
        return Response(s.EstimateSerializer(selectors.estimates_of(estimate.assessment).get(pk=estimate.pk)).data)

    @extend_schema(responses={204: None}, tags=TAGS)
    def delete(self, request, assessment_id, estimate_id):
        estimate = self._estimate(request, assessment_id, estimate_id)
        services.estimate_delete(estimate=estimate, deleted_by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class EstimateAcceptApi(APIView):
    @extend_schema(request=None, responses={200: s.EstimateSerializer}, tags=TAGS)
    def post(self, request, assessment_id, estimate_id):
        assessment = _assessment(request, assessment_id)
        _staff_only(request, "Estimates")
        estimate = get_object_or_404(
            Estimate.objects.select_related("assessment"), assessment=assessment, pk=estimate_id
        )
        services.estimate_accept(estimate=estimate, accepted_by=request.user)
        return Response(s.EstimateSerializer(selectors.estimates_of(assessment).get(pk=estimate.pk)).data)


class AssessmentReportApi(APIView):
    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY}, tags=TAGS)
    def get(self, request, assessment_id):
        assessment = _assessment(request, assessment_id)
        _staff_only(request, "Assessment reports")
        pdf = assessment_report_pdf(
            assessment=assessment,
            sections=list(assessment.sections.all()),
            photos=list(selectors.photos_of(assessment, served_only=True)),
            estimate=selectors.accepted_estimate(assessment),
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="assessment-{assessment.claim.claim_number}.pdf"'
        return response
