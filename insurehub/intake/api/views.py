"""Bulk intake endpoints: parse, call one service or selector, serialize. The import endpoints accept
a partner's `Authorization: Api-Key <key>` as well as a staff member's bearer token; no other
endpoint does."""

from django.conf import settings
from django.http import StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.core.errors import ApplicationError
from insurehub.core.permissions import allows
from insurehub.intake import selectors, services
from insurehub.intake.api import serializers as s
from insurehub.intake.auth import ApiKeyAuthentication
from insurehub.intake.models import IntakeImport, IntakeRow, Partner, PartnerApiKey, RowStatus
from insurehub.intake.permissions import Caller, can_import, can_manage_partners
from insurehub.intake.report import report_lines
from insurehub.users.authentication import JWTAuthentication

# The multipart envelope around the file (boundaries, other fields) is small.
MULTIPART_OVERHEAD = 64 * 1024
IMPORTERS = allows(can_import, message="Only supervisors, admins and partners (with their API key) import files.")
ADMINS = allows(can_manage_partners, message="Only admins manage partners.")


class IntakeView:
    authentication_classes = [JWTAuthentication, ApiKeyAuthentication]
    permission_classes = [IMPORTERS]


def _import_of(request, import_id):
    try:
        return selectors.import_get(principal=request.user, import_id=import_id)
    except IntakeImport.DoesNotExist:
        raise ApplicationError("not_found", "Not found.", status=404) from None


class ImportListCreateApi(IntakeView, generics.ListAPIView):
    serializer_class = s.ImportOutputSerializer
    ordering = ["-created_at"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return selectors.imports_visible_to(None)
        return selectors.imports_visible_to(self.request.user)

    @extend_schema(tags=["intake"])
    def get(self, request, *args, **kwargs):
        """List the imports the caller may see.

        Newest first, paged by number, each with its counts (rows, processed, created, refused, replayed).

        Access: supervisors (their department's imports, their partners' included), admins (all), a
        partner through its API key (its own).

        Errors: 403 `permission_denied` (other roles).
        """
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request={"multipart/form-data": s.ImportInputSerializer},
        responses={200: s.DryRunOutputSerializer, 202: s.ImportStartedOutputSerializer},
        tags=["intake"],
    )
    def post(self, request, *args, **kwargs):
        """Import a file of incidents (or check it with `dry_run`).

        `multipart/form-data` with the file in `file` (CSV or XLSX, judged by its content; at most
        `INTAKE_MAX_BYTES`, 5 MB, and `INTAKE_MAX_ROWS`, 20,000 lines; the layout is in docs/intake.md)
        and `dry_run`. A dry run answers 200 with every row's result (`valid`, `refused` with its reasons,
        `replayed` with the claim an earlier import made of it) and writes nothing. Otherwise the rows are
        stored and a job turns them into claims in batches (progress as `intake.progress` events, then
        `intake.finished`); the answer is the import (202). The same file again answers the earlier import
        (200, `replayed: true`); a row imported before (same `external_reference`, else same values) is
        `replayed`, never filed twice. Each row is checked as a claim's first notice of loss is.

        Access: supervisors (policies of their department), admins, and partners through their API key
        (the policies in their scope).

        Errors: 400 `validation_error` (no file), `empty_file`, `no_rows`, `wrong_columns` (the problem
        lists the expected columns), `mixed_encoding` (names the line), `undecodable`, `malformed_csv`;
        403 `permission_denied`; 413 `file_too_large`, `too_many_rows`, `file_too_complex`;
        415 `unsupported_type`; 422 `corrupt_file`.
        """
        limit = settings.INTAKE_MAX_BYTES
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > limit + MULTIPART_OVERHEAD:
            raise ApplicationError("file_too_large", f"The file is larger than {limit} bytes.", status=413)
        data = s.ImportInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        if upload.size > limit:
            raise ApplicationError("file_too_large", f"The file is larger than {limit} bytes.", status=413)
        content = upload.read()
        caller = Caller.of(request.user)
        if data.validated_data["dry_run"]:
            result = services.import_dry_run(caller=caller, content=content)
            body = {"dry_run": True, **result.__dict__}
            return Response(s.DryRunOutputSerializer(body).data)
        started = services.import_start(caller=caller, content=content, filename=upload.name or "")
        intake_import = selectors.import_get(principal=request.user, import_id=started.intake_import.pk)
        out = s.ImportStartedOutputSerializer(intake_import, context={"replayed": started.replayed})
        return Response(out.data, status=status.HTTP_200_OK if started.replayed else status.HTTP_202_ACCEPTED)


class ImportDetailApi(IntakeView, APIView):
    @extend_schema(responses={200: s.ImportOutputSerializer}, tags=["intake"])
    def get(self, request, import_id):
        """Show an import with its counts.

        Access: whoever may see the import (see the list).

        Errors: 403 `permission_denied` (other roles); 404 `not_found`.
        """
        return Response(s.ImportOutputSerializer(_import_of(request, import_id)).data)


class ImportRowsApi(IntakeView, generics.ListAPIView):
    serializer_class = s.RowOutputSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return IntakeRow.objects.none()
        wanted = self.request.query_params.get("status") or None
        if wanted is not None and wanted not in RowStatus.values:
            raise ApplicationError(
                "validation_error",
                "Unknown status.",
                errors=[
                    {"field": "status", "message": f"One of {', '.join(RowStatus.values)}.", "code": "invalid_choice"}
                ],
            )
        return selectors.import_rows(intake_import=_import_of(self.request, self.kwargs["import_id"]), status=wanted)

    @extend_schema(
        parameters=[OpenApiParameter("status", str, enum=list(RowStatus.values), required=False)],
        tags=["intake"],
    )
    def get(self, request, *args, **kwargs):
        """List an import's rows with their results.

        In the file's order, paged by number: each row's line, status (`pending`, `created`, `refused`,
        `replayed`), the claim it became, its normalised values and, when refused, why. Filter by `status`.

        Access: whoever may see the import.

        Errors: 400 `validation_error` (an unknown status); 403 `permission_denied`; 404 `not_found`.
        """
        return super().get(request, *args, **kwargs)


class ImportResumeApi(IntakeView, APIView):
    @extend_schema(request=None, responses={202: s.ImportOutputSerializer}, tags=["intake"])
    def post(self, request, import_id):
        """Resume an interrupted import.

        Runs the job again over the rows still pending (rows already done are never redone). Imports
        are also resumed by running the job again from a worker.

        Access: whoever may see the import.

        Errors: 403 `permission_denied`; 404 `not_found`; 409 `import_finished`.
        """
        intake_import = services.import_resume(
            intake_import=_import_of(request, import_id), caller=Caller.of(request.user)
        )
        intake_import = selectors.import_get(principal=request.user, import_id=intake_import.pk)
        return Response(s.ImportOutputSerializer(intake_import).data, status=status.HTTP_202_ACCEPTED)


class ImportReportApi(IntakeView, APIView):
    @extend_schema(responses={(200, "text/csv"): OpenApiTypes.STR}, tags=["intake"])
    def get(self, request, import_id):
        """Download an import's report as CSV.

        One line per row of the file: its line number, status, the claim number it became, its external
        reference and policy number, and the reasons it was refused. Text a spreadsheet could read as a
        formula is escaped with a leading apostrophe.

        Access: whoever may see the import.

        Errors: 403 `permission_denied`; 404 `not_found`.
        """
        intake_import = _import_of(request, import_id)
        rows = selectors.import_rows(intake_import=intake_import).iterator(chunk_size=2000)
        response = StreamingHttpResponse(report_lines(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="import-{intake_import.pk}-report.csv"'
        return response


class PartnerListCreateApi(generics.ListAPIView):
    permission_classes = [ADMINS]
    serializer_class = s.PartnerOutputSerializer

    def get_queryset(self):
        return selectors.partners_list()

    @extend_schema(tags=["intake"])
    def get(self, request, *args, **kwargs):
        """List the intake partners (fleet owners and brokers).

        Access: admins.

        Errors: 403 `permission_denied`.
        """
        return super().get(request, *args, **kwargs)

    @extend_schema(request=s.PartnerInputSerializer, responses={201: s.PartnerOutputSerializer}, tags=["intake"])
    def post(self, request, *args, **kwargs):
        """Add an intake partner.

        `kind` is `fleet_owner` or `broker`; `department` (motor by default) decides whose supervisors see
        its imports.

        Access: admins.

        Errors: 400 `validation_error` (including a name already taken); 403 `permission_denied`.
        """
        data = s.PartnerInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        partner = services.partner_create(created_by=request.user, **data.validated_data)
        return Response(s.PartnerOutputSerializer(partner).data, status=status.HTTP_201_CREATED)


def _partner(partner_id) -> Partner:
    partner = selectors.partners_list().filter(pk=partner_id).first()
    if partner is None:
        raise ApplicationError("not_found", "Not found.", status=404)
    return partner


class PartnerDetailApi(APIView):
    permission_classes = [ADMINS]

    @extend_schema(responses={200: s.PartnerOutputSerializer}, tags=["intake"])
    def get(self, request, partner_id):
        """Show an intake partner.

        Access: admins.

        Errors: 403 `permission_denied`; 404 `not_found`.
        """
        return Response(s.PartnerOutputSerializer(_partner(partner_id)).data)

    @extend_schema(request=s.PartnerUpdateInputSerializer, responses={200: s.PartnerOutputSerializer}, tags=["intake"])
    def patch(self, request, partner_id):
        """Change an intake partner (an inactive partner's keys are refused).

        Access: admins.

        Errors: 400 `validation_error`; 403 `permission_denied`; 404 `not_found`.
        """
        data = s.PartnerUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        partner = services.partner_update(
            partner=_partner(partner_id), updated_by=request.user, data=data.validated_data
        )
        return Response(s.PartnerOutputSerializer(partner).data)


class PartnerPoliciesApi(APIView):
    permission_classes = [ADMINS]

    @extend_schema(
        request=s.PartnerPoliciesInputSerializer, responses={200: s.PartnerPoliciesOutputSerializer}, tags=["intake"]
    )
    def post(self, request, partner_id):
        """Bring policies into a partner's scope or take them out.

        `add` and `remove` list policy numbers; the answer lists the policy numbers in scope afterwards.

        Access: admins.

        Errors: 400 `validation_error` (a policy number that does not exist); 403 `permission_denied`;
        404 `not_found`.
        """
        partner = _partner(partner_id)
        data = s.PartnerPoliciesInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        numbers = {*data.validated_data["add"], *data.validated_data["remove"]}
        found = selectors.policies_by_number(numbers)
        unknown = sorted(numbers - set(found))
        if unknown:
            raise ApplicationError(
                "validation_error",
                f"No such policies: {', '.join(unknown)}.",
                errors=[{"field": "add", "message": f"Unknown: {', '.join(unknown)}.", "code": "not_found"}],
            )
        result = services.partner_policies_set(
            partner=partner,
            changed_by=request.user,
            add=[found[n] for n in data.validated_data["add"]],
            remove=[found[n] for n in data.validated_data["remove"]],
        )
        policies = sorted(selectors.policies_in_scope(Caller(partner=partner)).values_list("policy_number", flat=True))
        return Response(s.PartnerPoliciesOutputSerializer({**result, "policies": policies}).data)


class PartnerKeyListCreateApi(generics.ListAPIView):
    permission_classes = [ADMINS]
    serializer_class = s.ApiKeyOutputSerializer
    pagination_class = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return PartnerApiKey.objects.none()
        return selectors.partner_keys(_partner(self.kwargs["partner_id"]))

    @extend_schema(tags=["intake"])
    def get(self, request, *args, **kwargs):
        """List a partner's API keys (their prefixes, never the keys).

        Access: admins.

        Errors: 403 `permission_denied`; 404 `not_found`.
        """
        return super().get(request, *args, **kwargs)

    @extend_schema(request=s.ApiKeyInputSerializer, responses={201: s.ApiKeyCreatedOutputSerializer}, tags=["intake"])
    def post(self, request, partner_id):
        """Make an API key for a partner.

        The answer holds the key itself, this once: only its hash is kept. The partner sends it as
        `Authorization: Api-Key <key>` to the import endpoints (and nowhere else).

        Access: admins.

        Errors: 400 `validation_error`; 403 `permission_denied`; 404 `not_found`.
        """
        data = s.ApiKeyInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        api_key, key = services.partner_key_create(
            partner=_partner(partner_id), created_by=request.user, name=data.validated_data["name"]
        )
        return Response(
            s.ApiKeyCreatedOutputSerializer(api_key, context={"key": key}).data, status=status.HTTP_201_CREATED
        )


class PartnerKeyRevokeApi(APIView):
    permission_classes = [ADMINS]

    @extend_schema(request=None, responses={200: s.ApiKeyOutputSerializer}, tags=["intake"])
    def post(self, request, partner_id, key_id):
        """Revoke a partner's API key (at once; revoking twice is harmless).

        Access: admins.

        Errors: 403 `permission_denied`; 404 `not_found`.
        """
        api_key = selectors.partner_keys(_partner(partner_id)).filter(pk=key_id).first()
        if api_key is None:
            raise ApplicationError("not_found", "Not found.", status=404)
        api_key = services.partner_key_revoke(api_key=api_key, revoked_by=request.user)
        return Response(s.ApiKeyOutputSerializer(api_key).data)
