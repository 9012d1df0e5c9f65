"""Document endpoints: parse, call one service or selector, serialize."""

import django_filters
from django.conf import settings
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.claims.selectors import claims_visible_to
from insurehub.core.errors import ApplicationError
from insurehub.core.filters import TimestampFilter
from insurehub.documents import permissions, selectors, services
from insurehub.documents.api import serializers as s
from insurehub.documents.downloads import download_target, signed_url
from insurehub.documents.intake import HashingUploadHandler
from insurehub.documents.models import Document

# The multipart envelope around the file (boundaries, other fields) is small.
MULTIPART_OVERHEAD = 64 * 1024


class DocumentFilter(django_filters.FilterSet):
    created_after = TimestampFilter(field_name="created_at", lookup_expr="gte")
    created_before = TimestampFilter(field_name="created_at", lookup_expr="lt")
    # A plain UUID filter: a choice filter would tell "no such claim" from "not yours".
    claim = django_filters.UUIDFilter(field_name="claim_id")

    class Meta:
        model = Document
        fields = ["kind", "scan_status", "processing_status", "validation_status", "file_type"]


class DocumentListApi(generics.ListAPIView):
    serializer_class = s.DocumentOutputSerializer
    filterset_class = DocumentFilter
    search_fields = ["filename"]
    ordering_fields = ["created_at", "filename", "file_size"]
    ordering = ["-created_at"]

    def get_queryset(self):
        return selectors.documents_visible_to(self.request.user)

    @extend_schema(tags=["documents"])
    def get(self, request, *args, **kwargs):
        """List the documents the caller may see.

        Newest first by default, paged by number. Filters: `kind`, `scan_status`, `processing_status`,
        `validation_status`, `file_type`, `claim`, `created_after`, `created_before`; `search` in the
        file name; `ordering` by `created_at`, `filename` or `file_size`.

        Access: any signed-in user. Customers see the documents they uploaded; staff their own uploads
        and the documents of every claim they may see; admins everything.

        Errors: 400 `validation_error` (a malformed filter value).
        """
        return super().get(request, *args, **kwargs)


class DocumentUploadApi(APIView):
    @extend_schema(
        request={"multipart/form-data": s.UploadInputSerializer},
        responses={201: s.DocumentDetailOutputSerializer},
        tags=["documents"],
    )
    def post(self, request):
        """Upload a document.

        `multipart/form-data` with the file in the part `file` (at most `DOCUMENTS_MAX_UPLOAD_BYTES`,
        25 MB by default) and optionally `kind` (guessed when left out), `claim` (a claim the caller may
        see) and `allow_duplicate`. The file is virus-scanned first; its type is decided by its content
        (PDF, JPEG, PNG, WebP, HEIC, TIFF, DOCX), never by its name; it is stored under a random key with
        its SHA-256. A clean file is then processed in the background (text, OCR, fields; see
        `document.processed` events). Where no scanner is available the document stays `unscanned` and is
        neither served nor processed until a scan says it is clean. Answers the document (201).

        Access: any signed-in user.

        Errors: 400 `validation_error` (no `file`, an unknown `kind`, a `claim` that does not exist or
        the caller may not see), `empty_file`; 409 `duplicate_document` (you uploaded the same file
        before; send `allow_duplicate=true` to keep both); 413 `file_too_large`; 415 `unsupported_type`;
        422 `corrupt_file`, `image_too_large` (more pixels than `DOCUMENTS_MAX_IMAGE_PIXELS`, judged from the
        header before the scan); 422 `file_too_complex` (an archive past the expansion, entry or nesting
        limits, judged before the scan, or a file past the virus scanner's own limits; nothing is stored);
        422 `infected` (the file is quarantined and never served; the problem names the `document`).
        """
        limit = settings.DOCUMENTS_MAX_UPLOAD_BYTES
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > limit + MULTIPART_OVERHEAD:
            raise ApplicationError("file_too_large", f"The file is larger than {limit} bytes.", status=413)
        handler = HashingUploadHandler(request._request, max_bytes=limit)
        request._request.upload_handlers = [handler]
        payload = request.data  # parses the body through the handler: spooled, hashed, size-capped
        if handler.too_large:
            raise ApplicationError("file_too_large", f"The file is larger than {limit} bytes.", status=413)
        data = s.UploadInputSerializer(data=payload)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        claim_id = data.validated_data.get("claim")
        claim = selectors.claim_for_attachment(user=request.user, claim_id=claim_id) if claim_id else None
        document = services.document_upload(
            owner=request.user,
            file=upload,
            filename=upload.name,
            size=upload.size,
            sha256=handler.sha256.hexdigest() if handler.received == upload.size else "",
            kind=data.validated_data.get("kind", ""),
            claim=claim,
            allow_duplicate=data.validated_data["allow_duplicate"],
        )
        if document.scan_status == "infected":
            raise ApplicationError(
                "infected",
                "The file contains a virus; it has been quarantined and will never be served.",
                status=422,
                extra={"document": str(document.pk), "scan_status": document.scan_status},
            )
        return Response(s.DocumentDetailOutputSerializer(document).data, status=status.HTTP_201_CREATED)


class DocumentDetailApi(APIView):
    permission_classes = [permissions.DeletesDocuments]  # asked of DELETE only

    @extend_schema(responses={200: s.DocumentDetailOutputSerializer}, tags=["documents"])
    def get(self, request, document_id):
        """Show a document with its extracted data and validation findings.

        `processed_data` holds the text extraction's fields (VIN, registration, policy and claim numbers,
        dates, amounts, names) each with a confidence; `validation_findings` what the validation against
        the claim found.

        Access: whoever may see the document (see the list).

        Errors: 404 `not_found`.
        """
        document = selectors.document_get(user=request.user, document_id=document_id)
        return Response(s.DocumentDetailOutputSerializer(document).data)

    @extend_schema(
        request=s.DocumentUpdateInputSerializer, responses={200: s.DocumentDetailOutputSerializer}, tags=["documents"]
    )
    def patch(self, request, document_id):
        """Change a document's kind, file name or claim.

        Setting `kind` marks it as no longer guessed; attaching it to another claim (or to none, with
        `null`) resets its validation.

        Access: whoever may see the document.

        Errors: 400 `validation_error` (including a `claim` that does not exist or the caller may not
        see); 404 `not_found`.
        """
        document = selectors.document_get(user=request.user, document_id=document_id)
        data = s.DocumentUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        changes = dict(data.validated_data)
        if changes.get("claim"):
            changes["claim"] = selectors.claim_for_attachment(user=request.user, claim_id=changes["claim"])
        document = services.document_update(document=document, data=changes, updated_by=request.user)
        return Response(s.DocumentDetailOutputSerializer(document).data)

    @extend_schema(responses={204: None}, tags=["documents"])
    def delete(self, request, document_id):
        """Delete a document.

        The document and its files (original, served copy, thumbnail) are removed.

        Access: its uploader, and admins.

        Errors: 403 `permission_denied` (someone who may see it but did not upload it); 404 `not_found`;
        409 `document_in_use` (an assessment's photo: delete the photo).
        """
        document = selectors.document_get(user=request.user, document_id=document_id)
        self.check_object_permissions(request, document)
        services.document_delete(document=document, deleted_by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class DocumentDownloadApi(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("variant", str, enum=["default", "original", "served", "thumbnail"], required=False),
            OpenApiParameter("signed", bool, required=False, description="Answer a short-lived signed URL (S3)."),
        ],
        responses={
            (200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY),
            (200, "application/json"): s.SignedUrlOutputSerializer,
        },
        tags=["documents"],
    )
    def get(self, request, document_id):
        """Download a document's file.

        `variant`: `default` (the re-encoded copy of a photo, else the original), `original`, `served`
        (the re-encoded copy without personal metadata) or `thumbnail`. Sent as an attachment with a
        safe name and content type, never cached. With `signed=1` the answer is instead a short-lived
        signed URL to the object store (S3 storage only). Only clean files are served; admins may fetch
        an `unscanned` one, answered with an `X-Scan-Warning` header.

        Access: whoever may see the document.

        Errors: 400 `invalid_variant`, `signed_url_unavailable` (storage is not S3); 404 `not_found`,
        `no_served_copy`, `no_thumbnail`; 409 `not_clean` (pending, unscanned, infected or failed scan;
        `scan_status` says which).
        """
        document = selectors.document_get(user=request.user, document_id=document_id)
        target = download_target(document=document, user=request.user, variant=request.query_params.get("variant"))
        if request.query_params.get("signed") in ("1", "true"):
            url, expires_in = signed_url(document=document, target=target)
            return Response({"url": url, "expires_in": expires_in})
        response = FileResponse(
            target.open(), as_attachment=True, filename=target.filename, content_type=target.content_type
        )
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        if target.warning:
            response["X-Scan-Warning"] = target.warning
        return response


class DocumentProcessApi(APIView):
    @extend_schema(
        request=s.DocumentRefInputSerializer, responses={202: s.DocumentDetailOutputSerializer}, tags=["documents"]
    )
    def post(self, request):
        """Process a document again.

        Queues text extraction (the PDF's text layer, else OCR of each page or image), field extraction
        and, for images, the served copy and thumbnail. Answers 202 with the document (`processing_status`
        `pending`); progress arrives as `document.processed` events. Asking again while it is queued
        is harmless.

        Access: whoever may see the document.

        Errors: 400 `validation_error`; 404 `not_found`; 409 `not_clean` (only clean documents are
        processed); 409 `already_processing`.
        """
        data = s.DocumentRefInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        document = selectors.document_get(user=request.user, document_id=data.validated_data["document"])
        document = services.document_process_request(document=document, requested_by=request.user)
        return Response(s.DocumentDetailOutputSerializer(document).data, status=status.HTTP_202_ACCEPTED)


class DocumentValidateApi(APIView):
    @extend_schema(
        request=s.DocumentRefInputSerializer, responses={200: s.DocumentDetailOutputSerializer}, tags=["documents"]
    )
    def post(self, request):
        """Validate a document against its claim.

        Compares the extracted fields with the claim, its vehicle and its policy (VIN and registration
        match, dates inside the policy period, plausible amounts) and records `validation_status` and
        `validation_findings`; a mismatch raises an alert for the claim's staff.

        Access: whoever may see the document.

        Errors: 400 `validation_error`; 404 `not_found`; 409 `not_processed` (process it first); 409
        `no_claim` (not attached to a claim).
        """
        data = s.DocumentRefInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        document = selectors.document_get(user=request.user, document_id=data.validated_data["document"])
        document = services.document_validate(document=document, actor=request.user)
        return Response(s.DocumentDetailOutputSerializer(document).data)


class ClaimDocumentsApi(generics.ListAPIView):
    """The documents of a claim the caller may see (404 for a claim they may not)."""

    serializer_class = s.DocumentOutputSerializer
    filterset_class = DocumentFilter
    ordering = ["-created_at"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Document.objects.none()
        claim = get_object_or_404(claims_visible_to(self.request.user), pk=self.kwargs["claim_id"])
        return selectors.documents_for_claim(user=self.request.user, claim=claim)

    @extend_schema(tags=["documents"])
    def get(self, request, *args, **kwargs):
        """List a claim's documents.

        The documents of the claim that the caller may see (customers: the ones they uploaded), with the
        same filters, search and ordering as `GET /api/documents/`.

        Access: whoever may see the claim.

        Errors: 400 `validation_error` (a malformed filter value); 404 `not_found` (a claim the caller
        may not see).
        """
        return super().get(request, *args, **kwargs)
