"""Document endpoints: parse, call one service or selector, serialize."""

import django_filters
from django.conf import settings
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.parsers import BaseParser
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.claims.selectors import claims_visible_to
from insurehub.core.errors import ApplicationError
from insurehub.core.filters import TimestampFilter
from insurehub.documents import permissions, resumable, selectors, services
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


# Sealed columns only a document's detail shows (lists defer them: nothing decrypted per row).
SEALED_DETAIL_ONLY = ("extracted_text", "processed_data", "validation_findings", "private_metadata")


class DocumentListApi(generics.ListAPIView):
    serializer_class = s.DocumentOutputSerializer
    filterset_class = DocumentFilter
    search_fields = ["filename"]
    ordering_fields = ["created_at", "filename", "file_size"]
    ordering = ["-created_at"]

    def get_queryset(self):
        # A list shows none of the sealed OCR columns: they are not read, so not decrypted per row.
        return selectors.documents_visible_to(self.request.user).defer(*SEALED_DETAIL_ONLY)

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
        return selectors.documents_for_claim(user=self.request.user, claim=claim).defer(*SEALED_DETAIL_ONLY)

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


# --- resumable uploads (documents/resumable.py) ------------------------------------------

OFFSET_OCTET_STREAM = "application/offset+octet-stream"


class OffsetOctetStreamParser(BaseParser):
    """Names the chunk's media type for content negotiation and the schema; the view reads the
    body itself (`request.body`, at most DOCUMENTS_UPLOAD_MAX_CHUNK_BYTES)."""

    media_type = OFFSET_OCTET_STREAM

    def parse(self, stream, media_type=None, parser_context=None):
        return stream.read() if stream is not None else b""


def _upload_response(upload, *, status_code: int = status.HTTP_200_OK) -> Response:
    response = Response(s.ResumableUploadOutputSerializer(upload).data, status=status_code)
    response["Upload-Offset"] = str(upload.offset)
    response["Upload-Length"] = str(upload.size)
    response["Cache-Control"] = "no-store"
    return response


class UploadCreateApi(APIView):
    @extend_schema(
        request=s.UploadCreateInputSerializer,
        responses={
            201: s.ResumableUploadOutputSerializer,
            200: OpenApiResponse(s.ResumableUploadOutputSerializer, description="The open upload of the same file."),
        },
        tags=["documents"],
    )
    def post(self, request):
        """Start a resumable upload (or resume the open one of the same file).

        JSON `{claim, document_type, filename, size, sha256, content_type?, allow_duplicate?}`: the
        whole file's size in bytes (at most `DOCUMENTS_MAX_UPLOAD_BYTES`) and its hex SHA-256. Answers
        201 with the upload (`offset` 0, `chunk_size` the advised chunk, `status` `open`, `expires_at`);
        while an upload of the same file (same caller, claim, `sha256` and `size`) is open, answers that
        one with 200 so that a reloaded page carries on from its `offset`. Then send the bytes with
        `PATCH /api/documents/uploads/{id}/`. An upload idle for `DOCUMENTS_UPLOAD_TTL_SECONDS` (24 h)
        expires and its bytes are removed.

        Access: whoever may attach documents to the claim: its customer (their own claims) and staff
        who may see it.

        Errors: 400 `validation_error` (a missing or malformed field, an unknown `document_type`, a
        `claim` that does not exist or the caller may not see), `empty_file` (size 0); 413
        `file_too_large` (`size` over the limit).
        """
        data = s.UploadCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        claim = selectors.claim_for_attachment(user=request.user, claim_id=values["claim"])
        upload, created = resumable.upload_create(
            owner=request.user,
            claim=claim,
            kind=values["document_type"],
            filename=values["filename"],
            size=values["size"],
            sha256=values["sha256"],
            content_type=values.get("content_type", ""),
            allow_duplicate=values["allow_duplicate"],
        )
        upload = selectors.upload_get(user=request.user, upload_id=upload.pk)  # re-read as the caller sees it
        return _upload_response(upload, status_code=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class UploadDetailApi(APIView):
    parser_classes = [OffsetOctetStreamParser]

    @extend_schema(responses={200: s.ResumableUploadOutputSerializer}, tags=["documents"])
    def get(self, request, upload_id):
        """Show a resumable upload and how many bytes arrived.

        `offset`: the bytes kept so far; its status; and its document once complete (with the document's
        `scan_status`). Ask this after a lost connection and send from `offset` on. `status`: `open` (taking bytes),
        `complete` (`document` is the result), `refused` (the intake refused the file: `error` is its
        code), `cancelled`, `expired`.

        Access: its uploader, while they may see its claim.

        Errors: 404 `not_found` (anyone else's upload, or none).
        """
        return _upload_response(selectors.upload_get(user=request.user, upload_id=upload_id))

    @extend_schema(
        request={OFFSET_OCTET_STREAM: OpenApiTypes.BINARY},
        parameters=[
            OpenApiParameter(
                "Upload-Offset",
                int,
                OpenApiParameter.HEADER,
                required=True,
                description="Where in the file this chunk starts: the upload's current `offset`.",
            ),
            OpenApiParameter(
                "Upload-Checksum",
                str,
                OpenApiParameter.HEADER,
                required=False,
                description="`sha256 <base64 of the chunk's SHA-256>`: a damaged chunk is not kept (422).",
            ),
        ],
        responses={200: s.ResumableUploadOutputSerializer},
        tags=["documents"],
    )
    def patch(self, request, upload_id):
        """Send a chunk of the file.

        The body is the chunk's raw bytes (`Content-Type: application/offset+octet-stream`, at most
        `max_chunk_size`), starting at `Upload-Offset`, which must equal the upload's `offset`. Answers
        the upload with its new `offset` (also in the `Upload-Offset` header). The chunk that reaches
        `size` finishes the upload: the whole file's SHA-256 is checked against the one declared, then
        the file goes through the same intake as `POST /api/documents/upload/` (limits judged from its
        headers, virus scan, type by content, duplicate check, storage, processing queued) and the answer
        has `status` `complete` and the `document`. Sending the last chunk again after a complete upload
        (its answer was lost) answers the complete upload only with an empty body at `offset` = `size`;
        otherwise GET it.

        Access: its uploader, while they may see its claim.

        Errors: 400 `invalid_upload_offset` (missing or not a number), `unsupported_checksum_algorithm`,
        `invalid_checksum`; 404 `not_found`; 409 `offset_mismatch` (the problem's `offset` is where the
        server is: send from there), `upload_not_open` (complete, refused or cancelled: `upload_status`
        says which); 410 `upload_expired`; 413 `chunk_too_large` (over `max_chunk_size`), `chunk_past_end`
        (beyond `size`); 415 `unsupported_media_type`; 422 `chunk_checksum_mismatch` (the chunk was not
        kept; send it again). On the last chunk: 422 `checksum_mismatch` (the file differs from the
        declared SHA-256: the upload is reset to offset 0, send the file again); and the single upload's
        refusals, after which the upload is `refused` and its bytes removed: 409 `duplicate_document`,
        415 `unsupported_type`, 415 `not_an_image` (a `photo` that is not an image), 422 `corrupt_file`,
        `image_too_large`, `file_too_complex`, `infected` (quarantined, never served; the problem names
        the `document`).
        """
        upload = selectors.upload_get(user=request.user, upload_id=upload_id)
        media_type = (request.content_type or "").split(";")[0].strip().lower()
        if media_type != OFFSET_OCTET_STREAM:
            raise ApplicationError("unsupported_media_type", f"Send the chunk as {OFFSET_OCTET_STREAM}.", status=415)
        raw_offset = request.headers.get("Upload-Offset", "")
        if not (raw_offset.isascii() and raw_offset.isdigit()):
            raise ApplicationError(
                "invalid_upload_offset", "Upload-Offset must be the byte offset the chunk starts at."
            )
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.DOCUMENTS_UPLOAD_MAX_CHUNK_BYTES
        if length > limit:
            raise ApplicationError(
                "chunk_too_large", f"A chunk may be at most {limit} bytes.", status=413, extra={"offset": upload.offset}
            )
        checksum = resumable.parse_checksum(request.headers.get("Upload-Checksum", ""))
        upload = resumable.upload_append(
            upload=upload, offset=int(raw_offset), data=request.body, checksum=checksum, actor=request.user
        )
        return _upload_response(selectors.upload_get(user=request.user, upload_id=upload.pk))

    @extend_schema(responses={204: None}, tags=["documents"])
    def delete(self, request, upload_id):
        """Cancel a resumable upload; the bytes received so far are removed.

        Cancelling an upload that already ended without a document (refused, cancelled, expired)
        changes nothing.

        Access: its uploader, while they may see its claim.

        Errors: 404 `not_found`; 409 `upload_complete` (it made a document: delete the document).
        """
        upload = selectors.upload_get(user=request.user, upload_id=upload_id)
        resumable.upload_cancel(upload=upload, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
