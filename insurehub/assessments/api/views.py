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

from insurehub.assessments import estimating, permissions, selectors, services
from insurehub.assessments.api import serializers as s
from insurehub.assessments.models import Assessment, AssessmentSection, Estimate, Photo
from insurehub.assessments.report import assessment_report_pdf
from insurehub.assessments.sections import SCHEMAS
from insurehub.audit.read_audit import record_read
from insurehub.claims.selectors import claims_visible_to
from insurehub.core.errors import ApplicationError
from insurehub.core.pagination import CursorPagination
from insurehub.documents.downloads import download_target
from insurehub.users.models import User

TAGS = ["assessments"]


def _summary_only(request) -> bool:
    """Customers read an assessment's summary; staff read it whole (permissions.can_read_details)."""
    return not permissions.can_read_details(request.user)


def _assessment(request, assessment_id) -> Assessment:
    return get_object_or_404(selectors.assessment_detail(request.user), pk=assessment_id)


def _assessment_out(request, assessment: Assessment):
    serializer = s.AssessmentSummarySerializer if _summary_only(request) else s.AssessmentSerializer
    fresh = selectors.assessment_detail(request.user).get(pk=assessment.pk)
    return serializer(fresh, context={"request": request}).data


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
        if getattr(self, "swagger_fake_view", False) or not _summary_only(self.request):
            return s.AssessmentSerializer
        return s.AssessmentSummarySerializer

    def get_queryset(self):
        return selectors.assessment_detail(self.request.user)

    @extend_schema(tags=TAGS)
    def get(self, request, *args, **kwargs):
        """List the assessments the caller may see.

        Newest first, with cursor pagination. Filters: `claim`, `assessor`, `status` (repeatable);
        `ordering` by `created_at`, `scheduled_at` or `completed_at`. Staff receive the full
        assessment; customers the summary of their own claims' assessments (no assessor, notes,
        total-loss reasoning, vehicle value or accepted estimate).

        Access: any signed-in user; each sees the assessments of the claims they may see.

        Errors: 400 `validation_error` (a malformed filter value).
        """
        return super().get(request, *args, **kwargs)

    @extend_schema(request=s.AssessmentCreateSerializer, responses={201: s.AssessmentSerializer}, tags=TAGS)
    def post(self, request):
        """Schedule the assessment of a claim.

        Creates the assessment with the standard sections (exterior, interior, mechanical, ...),
        scheduled at `scheduled_at` (default: now), for `assessor` (default: the claim's assigned
        assessor), who is notified. A claim has at most one active (not cancelled) assessment.

        Access: agents, supervisors and admins who may see the claim; an assessor for a claim assigned
        to them.

        Errors: 400 `invalid_assessor` (`assessor` does not have the assessor role); 403
        `permission_denied` (customers, assessors not assigned to the claim); 404 `not_found` (a claim
        the caller may not see, or an `assessor` that is no active user); 409 `claim_not_assessable`
        (the claim is not submitted, under review or in assessment); 409 `assessment_exists`.
        """
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
        """Show an assessment.

        Staff receive everything, including internal notes, the total-loss recommendation and its
        reasoning, the vehicle's value and the accepted estimate; customers receive the summary fields.

        Access: whoever may see the assessment's claim.

        Errors: 404 `not_found` (no such assessment, or one the caller may not see).
        """
        return Response(_assessment_out(request, _assessment(request, assessment_id)))

    @extend_schema(request=s.AssessmentUpdateSerializer, responses={200: s.AssessmentSerializer}, tags=TAGS)
    def patch(self, request, assessment_id):
        """Edit an assessment.

        Changes `scheduled_at`, `overall_severity` (1-5), `notes`, `summary` and, for supervisors and
        admins, the `assessor`. The first change by its assessor starts a scheduled assessment
        (`in_progress`).

        Access: the assessor it is assigned to (or the claim's assigned assessor), supervisors and admins;
        only supervisors and admins may change `assessor`.

        Errors: 400 `validation_error`, `invalid_assessor`; 403 `permission_denied`; 404 `not_found`
        (the assessment, or an `assessor` that is no active user); 409 `assessment_closed` (completed or
        cancelled).
        """
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
        """Show a claim's active assessment.

        The claim's assessment that is not cancelled, as `GET /api/assessments/{id}/` answers it.

        Access: whoever may see the claim.

        Errors: 404 `not_found` (a claim the caller may not see); 404 `no_assessment` (the claim has no
        active assessment).
        """
        claim = get_object_or_404(claims_visible_to(request.user), pk=claim_id)
        assessment = selectors.active_assessment_of(request.user, claim.pk)
        if assessment is None:
            raise ApplicationError("no_assessment", "The claim has no active assessment.", status=404)
        return Response(_assessment_out(request, assessment))


class AssessmentCancelApi(APIView):
    @extend_schema(request=s.CancelSerializer, responses={200: s.AssessmentSerializer}, tags=TAGS)
    def post(self, request, assessment_id):
        """Cancel an assessment.

        A scheduled or in-progress assessment is cancelled with a `reason`; the claim may then be
        given a new one.

        Access: supervisors and admins who may see the claim.

        Errors: 400 `validation_error`, `reason_required`; 403 `permission_denied`; 404 `not_found`;
        409 `assessment_closed` (already completed or cancelled).
        """
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
        """Complete an assessment.

        Needs every section completed and an accepted estimate. The claim's estimated cost becomes the
        accepted estimate's total, the claim is told its assessment is done (so it can be approved) and
        the customer and the claim's assigned agent are notified.

        Access: the assigned assessor, supervisors and admins.

        Errors: 403 `permission_denied`; 404 `not_found`; 409 `assessment_closed`; 409 `sections_open`
        (`open_sections` lists them); 409 `no_accepted_estimate`.
        """
        assessment = _assessment(request, assessment_id)
        services.assessment_complete(assessment=assessment, completed_by=request.user)
        return Response(_assessment_out(request, assessment))


class TotalLossApi(APIView):
    @extend_schema(request=s.TotalLossOverrideSerializer, responses={200: s.AssessmentSerializer}, tags=TAGS)
    def post(self, request, assessment_id):
        """Override the total-loss recommendation.

        `total_loss` true or false records the assessor's decision against (or confirming) the
        recommendation computed from the accepted estimate and the vehicle's value, with a `reason`;
        `null` withdraws the override. The assessment's `total_loss` is the override when there is one,
        else the recommendation.

        Access: the assigned assessor, supervisors and admins.

        Errors: 400 `validation_error`, `reason_required` (an override without a reason); 403
        `permission_denied`; 404 `not_found`; 409 `assessment_closed`.
        """
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
        """List the assessment section kinds and their findings schemas.

        One JSON Schema per section kind: what `findings` must look like in
        `PATCH /api/assessments/{id}/sections/{kind}/`.

        Access: any signed-in user.

        Errors: none of its own.
        """
        return Response([{"kind": kind, "schema": schema} for kind, schema in SCHEMAS.items()])


class SectionListApi(APIView):
    @extend_schema(responses={200: s.SectionSerializer(many=True)}, tags=TAGS)
    def get(self, request, assessment_id):
        """List an assessment's sections.

        In their fixed order. Staff receive findings, severity, notes and completion; customers receive
        the kind, position, severity and whether it is completed.

        Access: whoever may see the assessment's claim.

        Errors: 404 `not_found`.
        """
        assessment = _assessment(request, assessment_id)
        serializer = s.SectionSummarySerializer if _summary_only(request) else s.SectionSerializer
        return Response(serializer(assessment.sections.all(), many=True).data)


class SectionDetailApi(APIView):
    def _section(self, request, assessment_id, kind) -> AssessmentSection:
        assessment = _assessment(request, assessment_id)
        return get_object_or_404(
            AssessmentSection.objects.select_related("assessment"), assessment=assessment, kind=kind
        )

    @extend_schema(responses={200: s.SectionSerializer}, tags=TAGS)
    def get(self, request, assessment_id, kind):
        """Show one section of an assessment.

        `kind` is the section kind (`exterior`, `interior`, ...). Customers receive the summary fields.

        Access: whoever may see the assessment's claim.

        Errors: 404 `not_found` (the assessment, or no such section kind).
        """
        section = self._section(request, assessment_id, kind)
        serializer = s.SectionSummarySerializer if _summary_only(request) else s.SectionSerializer
        return Response(serializer(section).data)

    @extend_schema(request=s.SectionUpdateSerializer, responses={200: s.SectionSerializer}, tags=TAGS)
    def patch(self, request, assessment_id, kind):
        """Record a section's findings.

        Sets `findings` (validated against the section kind's schema, see
        `GET /api/assessments/section-schemas/`), `severity` (1-5), `notes` and `completed`. The
        assessment's completion percentage follows; its first change starts a scheduled assessment.

        Access: the assigned assessor, supervisors and admins.

        Errors: 400 `validation_error`; 400 `invalid_findings` (each schema violation in `errors`); 403
        `permission_denied`; 404 `not_found`; 409 `assessment_closed`.
        """
        section = self._section(request, assessment_id, kind)
        data = s.SectionUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        section = services.section_update(section=section, data=data.validated_data, updated_by=request.user)
        return Response(s.SectionSerializer(section).data)


# --- photos ------------------------------------------------------------------------------


def _photo_serializer(request):
    return s.PhotoSerializer if _summary_only(request) else s.StaffPhotoSerializer


def _section_of(assessment: Assessment, kind: str | None) -> AssessmentSection | None:
    return None if not kind else get_object_or_404(AssessmentSection, assessment=assessment, kind=kind)


class PhotoListApi(APIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(responses={200: s.StaffPhotoSerializer(many=True)}, tags=TAGS)
    def get(self, request, assessment_id):
        """List an assessment's photos.

        In gallery order. Each photo links to its served copy (`url`, JPEG without personal metadata)
        and thumbnail (`thumbnail_url`, WebP) once it is `ready`. Staff also see photos still
        `awaiting_scan` and each original's metadata (device, times, GPS) and fingerprints; customers
        see ready photos only, without metadata.

        Access: whoever may see the assessment's claim.

        Errors: 404 `not_found`.
        """
        assessment = _assessment(request, assessment_id)
        photos = selectors.photos_of(assessment, served_only=_summary_only(request))
        return Response(_photo_serializer(request)(photos, many=True, context={"request": request}).data)

    @extend_schema(
        request={"multipart/form-data": s.PhotoUploadSerializer},
        responses={201: s.StaffPhotoSerializer(many=True)},
        tags=TAGS,
    )
    def post(self, request, assessment_id):
        """Upload photos to an assessment.

        `multipart/form-data` with one or more image parts named `files` (a single `file` is accepted
        too), at most `ASSESSMENTS_PHOTOS_PER_UPLOAD` (20) per request and `ASSESSMENTS_PHOTO_MAX_BYTES`
        (15 MB) each, JPEG, PNG, WebP or TIFF judged by content; optional `caption`, `section` (a
        section kind) and `taken_at`. All or none are stored. Each file is virus-scanned and kept
        untouched as the original; the served copy has EXIF orientation applied and personal metadata
        (GPS, device) removed, and gets a WebP thumbnail and a perceptual hash (a photo reused from
        another claim raises an alert). A photo no scanner could vouch for stays `awaiting_scan`, with no
        URL, until a scan says it is clean. Answers the new photos (201).

        Access: the assigned assessor, supervisors and admins.

        Errors: 400 `validation_error`, `no_files`, `too_many_files`, `empty_file`; 403
        `permission_denied`; 404 `not_found`; 409 `assessment_closed`; 409 `duplicate_photo` (the
        same file twice, or already in the gallery); 413 `file_too_large`; 415 `unsupported_type`; 422
        `infected_file` (quarantined, nothing stored), `image_too_large`, `file_too_complex` (past the
        virus scanner's limits), `corrupt_image`.
        """
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
        photos = selectors.photos_of(assessment, served_only=_summary_only(request))
        return get_object_or_404(photos.select_related("assessment__claim", "document"), pk=photo_id)

    @extend_schema(responses={200: s.StaffPhotoSerializer}, tags=TAGS)
    def get(self, request, assessment_id, photo_id):
        """Show one photo of an assessment.

        Customers see ready photos only, without the original's metadata.

        Access: whoever may see the assessment's claim.

        Errors: 404 `not_found`.
        """
        photo = self._photo(request, assessment_id, photo_id)
        return Response(_photo_serializer(request)(photo, context={"request": request}).data)

    @extend_schema(request=s.PhotoUpdateSerializer, responses={200: s.StaffPhotoSerializer}, tags=TAGS)
    def patch(self, request, assessment_id, photo_id):
        """Edit a photo's caption, section, position or time taken.

        Access: the assigned assessor, supervisors and admins.

        Errors: 400 `validation_error`; 403 `permission_denied` (customers and staff who may not edit
        it); 404 `not_found`; 409 `assessment_closed`.
        """
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
        """Delete a photo.

        Removes it from the gallery with its served copy and thumbnail.

        Access: the assigned assessor, supervisors and admins.

        Errors: 403 `permission_denied`; 404 `not_found`; 409 `assessment_closed`.
        """
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
        """Download a photo's served copy or thumbnail.

        `variant` is `full` (the served JPEG: orientation applied, personal metadata removed) or
        `thumbnail` (WebP). The original is never served. Cached privately for 5 minutes.

        Access: whoever may see the assessment's claim; only photos that are `ready`.

        Errors: 404 `not_found` (another `variant`, a photo not ready, or one the caller may not see).
        """
        if variant not in ("full", "thumbnail"):
            raise Http404
        assessment = _assessment(request, assessment_id)
        photo = get_object_or_404(selectors.photos_of(assessment, served_only=True), pk=photo_id)
        # The documents app serves its own copies (the same rule as its download endpoint).
        target = download_target(
            document=photo.document,
            user=request.user,
            variant="served" if variant == "full" else "thumbnail",
            subject_id=assessment.claim.customer_id,
        )
        response = FileResponse(target.open(), content_type=target.content_type)
        response["Cache-Control"] = "private, max-age=300"
        response["X-Content-Type-Options"] = "nosniff"
        return response


# --- estimates ---------------------------------------------------------------------------


class EstimateListApi(APIView):
    permission_classes = [permissions.ReadsEstimates]

    @extend_schema(
        parameters=[
            OpenApiParameter("compare", OpenApiTypes.BOOL, description="Side-by-side comparison of the estimates"),
            OpenApiParameter("baseline", OpenApiTypes.UUID, description="Estimate to compare against (default: "
                             "the accepted one, else the assessor's first, else the first)"),
        ],
        responses={200: s.EstimatesOrComparisonSerializer},
        tags=TAGS,
        operation_id="assessments_estimates_list",
    )  # fmt: skip
    def get(self, request, assessment_id):
        """List an assessment's estimates, or compare them.

        Each estimate with its lines and totals. With `?compare=1` the answer is instead a side-by-side
        comparison (the `Comparison` schema): one row per item matched across the estimates, each
        estimate's amount and its difference from a `baseline` estimate (by default the accepted one,
        else the assessor's first, else the first), flagged when the variance passes
        `ASSESSMENTS_VARIANCE_THRESHOLD_PERCENT` (15) or the item is missing on one side.

        Access: staff who may see the assessment's claim; estimates are internal to the insurer.

        Errors: 400 `invalid_baseline` (not one of this assessment's estimates); 403 `permission_denied`
        (customers); 404 `not_found`; 409 `nothing_to_compare` (fewer than two estimates).
        """
        assessment = _assessment(request, assessment_id)
        self.check_object_permissions(request, assessment)
        estimates = list(selectors.estimates_of(assessment))
        if request.query_params.get("compare") in ("1", "true", "yes"):
            return Response(s.ComparisonSerializer(_comparison(request, estimates)).data)
        return Response(s.EstimateSerializer(estimates, many=True).data)

    @extend_schema(request=s.EstimateCreateSerializer, responses={201: s.EstimateSerializer}, tags=TAGS)
    def post(self, request, assessment_id):
        """Add an estimate to an assessment.

        An assessor's, a garage's, the insurer's or a third party's estimate (`source`) with its
        `lines` (parts, labour with `hours` and `rate`, paint, other; optional `tax_rate`); net, tax and
        totals are computed. The currency is the claim's. Answers the estimate (201), as a draft.

        Access: the assigned assessor, supervisors and admins.

        Errors: 400 `validation_error`, `invalid_line` (a labour line without hours or rate),
        `currency_mismatch`; 403 `permission_denied`; 404 `not_found`; 409 `assessment_closed`.
        """
        assessment = _assessment(request, assessment_id)
        self.check_object_permissions(request, assessment)
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
    permission_classes = [permissions.ReadsEstimates]

    def _estimate(self, request, assessment_id, estimate_id) -> Estimate:
        assessment = _assessment(request, assessment_id)
        self.check_object_permissions(request, assessment)
        return get_object_or_404(selectors.estimates_of(assessment).select_related("assessment"), pk=estimate_id)

    @extend_schema(responses={200: s.EstimateSerializer}, tags=TAGS)
    def get(self, request, assessment_id, estimate_id):
        """Show one estimate with its lines.

        Access: staff who may see the assessment's claim.

        Errors: 403 `permission_denied` (customers); 404 `not_found`.
        """
        return Response(s.EstimateSerializer(self._estimate(request, assessment_id, estimate_id)).data)

    @extend_schema(request=s.EstimateUpdateSerializer, responses={200: s.EstimateSerializer}, tags=TAGS)
    def patch(self, request, assessment_id, estimate_id):
        """Edit a draft estimate.

        Changes `source`, `supplier`, `reference`, `notes`, or replaces all its `lines` (totals are
        recomputed).

        Access: the assigned assessor, supervisors and admins.

        Errors: 400 `validation_error`, `invalid_line`, `currency_mismatch`; 403 `permission_denied`;
        404 `not_found`; 409 `assessment_closed`; 409 `estimate_accepted` (accept another estimate
        instead of changing the accepted one).
        """
        estimate = self._estimate(request, assessment_id, estimate_id)
        data = s.EstimateUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.estimate_update(estimate=estimate, data=data.validated_data, updated_by=request.user)
        return Response(s.EstimateSerializer(selectors.estimates_of(estimate.assessment).get(pk=estimate.pk)).data)

    @extend_schema(responses={204: None}, tags=TAGS)
    def delete(self, request, assessment_id, estimate_id):
        """Delete an estimate.

        Deleting the accepted estimate withdraws the total-loss recommendation.

        Access: the assigned assessor, supervisors and admins.

        Errors: 403 `permission_denied`; 404 `not_found`; 409 `assessment_closed`.
        """
        estimate = self._estimate(request, assessment_id, estimate_id)
        services.estimate_delete(estimate=estimate, deleted_by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class EstimateAcceptApi(APIView):
    permission_classes = [permissions.ReadsEstimates]

    @extend_schema(request=None, responses={200: s.EstimateSerializer}, tags=TAGS)
    def post(self, request, assessment_id, estimate_id):
        """Accept an estimate.

        It becomes the estimate the claim is settled on (any previously accepted one goes back to
        draft), and the total-loss recommendation is recomputed from it and the vehicle's value.

        Access: the assigned assessor, supervisors and admins.

        Errors: 403 `permission_denied`; 404 `not_found`; 409 `assessment_closed`; 409
        `empty_estimate` (no lines).
        """
        assessment = _assessment(request, assessment_id)
        self.check_object_permissions(request, assessment)
        estimate = get_object_or_404(
            Estimate.objects.select_related("assessment"), assessment=assessment, pk=estimate_id
        )
        services.estimate_accept(estimate=estimate, accepted_by=request.user)
        return Response(s.EstimateSerializer(selectors.estimates_of(assessment).get(pk=estimate.pk)).data)


class AssessmentReportApi(APIView):
    permission_classes = [permissions.ReadsAssessmentReports]

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY}, tags=TAGS)
    def get(self, request, assessment_id):
        """Download an assessment report (PDF).

        The assessment's sections, ready photos and accepted estimate as a PDF, shown inline.

        Access: staff who may see the assessment's claim.

        Errors: 403 `permission_denied` (customers); 404 `not_found`.
        """
        assessment = _assessment(request, assessment_id)
        self.check_object_permissions(request, assessment)
        pdf = assessment_report_pdf(
            assessment=assessment,
            sections=list(assessment.sections.all()),
            photos=list(selectors.photos_of(assessment, served_only=True)),
            estimate=selectors.accepted_estimate(assessment),
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        filename = f"assessment-{assessment.claim.claim_number}.pdf"
        record_read(
            request.user, assessment.claim.customer_id, "assessments.report_pdf", assessment.pk, filename, request
        )
        response["Content-Disposition"] = f'inline; filename="{filename}"'
        return response
