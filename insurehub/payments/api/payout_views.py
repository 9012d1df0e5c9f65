"""Payouts API: M-Pesa B2C callbacks, releasing a held payout, and bank payout files."""

import hmac
from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.core.errors import ApplicationError
from insurehub.core.idempotency import IDEMPOTENCY_KEY, idempotent
from insurehub.core.serializers import MoneyField
from insurehub.payments import permissions, services
from insurehub.payments.api import serializers as s
from insurehub.payments.models import PayoutBatch
from insurehub.payments.payouts import batches, flow
from insurehub.payments.selectors import payouts_visible_to, transactions_visible_to
from insurehub.policies.models import CURRENCIES


def _check_callback_token(request) -> None:
    """Daraja's callbacks carry the secret we put in the URLs we gave it (as the STK callback)."""
    token = request.query_params.get("token", "")
    secret = settings.MPESA_CALLBACK_SECRET
    if not secret or not hmac.compare_digest(token.encode(), secret.encode()):
        raise ApplicationError("bad_callback_token", "Callback token missing or wrong.", status=403)


def _payload(request) -> dict:
    return request.data if isinstance(request.data, dict) else {}


_CALLBACK_SCHEMA: dict[str, Any] = {
    "request": {"application/json": dict},
    "responses": {200: s.CallbackAckSerializer},
    "parameters": [OpenApiParameter("token", str, OpenApiParameter.QUERY, required=True)],
    "tags": ["payments"],
}


class _DarajaCallback(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes: list = []


class B2CResultApi(_DarajaCallback):
    @extend_schema(**_CALLBACK_SCHEMA)
    def post(self, request):
        """Receive an M-Pesa payout result (Daraja B2C ResultURL).

        `Result` with `OriginatorConversationID` (our payout's reference), `ConversationID`, `ResultCode`
        and `ResultParameters`: 0 pays the payout with its `TransactionReceipt` (`payout.succeeded`; a
        claim settlement's claim turns `settled`), anything else fails it with `ResultDesc`
        (`payout.failed`; the claim goes back to its agent, a refund is asked for again). A repeat, or a
        result for a payout already final, changes nothing (`duplicate`). Answered in Daraja's format.

        Access: Daraja: no user token; the `token` query parameter must be the callback secret
        (`MPESA_CALLBACK_SECRET`) that was in the ResultURL we gave it.

        Errors: 400 `malformed_callback`; 403 `bad_callback_token`; 404 `unknown_payout`; 409
        `conversation_mismatch` (not the ConversationID M-Pesa gave for this payout), `payout_not_sent`.
        """
        _check_callback_token(request)
        outcome = flow.b2c_result_record(payload=_payload(request))
        return Response({"ResultCode": 0, "ResultDesc": f"Accepted ({outcome})"})


class B2CTimeoutApi(_DarajaCallback):
    @extend_schema(**_CALLBACK_SCHEMA)
    def post(self, request):
        """Receive an M-Pesa queue timeout (Daraja B2C QueueTimeOutURL).

        The payout's request was not processed in time; M-Pesa may still have paid it, so it is not
        failed: its status is asked at once (the transaction status query), whose answer settles it.

        Access: Daraja: no user token; the `token` query parameter must be the callback secret.

        Errors: 400 `malformed_callback`; 403 `bad_callback_token`; 404 `unknown_payout`.
        """
        _check_callback_token(request)
        outcome = flow.b2c_timeout_record(payload=_payload(request))
        return Response({"ResultCode": 0, "ResultDesc": f"Accepted ({outcome})"})


class B2CStatusResultApi(_DarajaCallback):
    @extend_schema(**_CALLBACK_SCHEMA)
    def post(self, request):
        """Receive the answer to an M-Pesa transaction status query about a payout.

        `Result.ReferenceData` carries our payout's reference (the query's `Occasion`). `TransactionStatus`
        `Completed` pays the payout with its `ReceiptNo`; another status fails it; M-Pesa having no such
        transaction fails a payout sent long enough ago (it never left). Idempotent, as the result.

        Access: Daraja: no user token; the `token` query parameter must be the callback secret.

        Errors: 400 `malformed_callback`; 403 `bad_callback_token`; 404 `unknown_payout`; 409 `payout_not_sent`.
        """
        _check_callback_token(request)
        outcome = flow.b2c_status_result_record(payload=_payload(request))
        return Response({"ResultCode": 0, "ResultDesc": f"Accepted ({outcome})"})


class PayoutListApi(generics.ListAPIView):
    permission_classes = [permissions.WorksPayouts]
    serializer_class = s.PayoutOutputSerializer
    filterset_fields = ["status", "payout_stage", "method"]
    search_fields = ["reference", "receipt_number"]

    def get_queryset(self):
        return payouts_visible_to(self.request.user).defer("phone", "provider_payloads")

    @extend_schema(tags=["payments"])
    def get(self, request, *args, **kwargs):
        """List payouts (money out).

        Every outgoing payment (claim settlements, refund payouts), newest first, paged by number: the
        transaction with its payee, the claim it settles or the refund it pays. Filters: `status`
        (`pending`, `succeeded`, `failed`, ...), `payout_stage` (`awaiting_approval`: held above its
        payer's authority for a supervisor to release; `ready`, `sent`, `batched`, `confirming`),
        `method`; `search` in our reference and the provider's receipt number.

        Access: supervisors and admins.

        Errors: 400 `validation_error` (a malformed filter value); 403 `permission_denied`.
        """
        return super().get(request, *args, **kwargs)


class PayoutReleaseApi(APIView):
    permission_classes = [permissions.ReleasesPayouts]

    @extend_schema(
        request=None, responses={200: s.TransactionOutputSerializer}, parameters=[IDEMPOTENCY_KEY], tags=["payments"]
    )
    def post(self, request, transaction_id):
        """Release a payout held above its payer's authority.

        A payout larger than its payer's payout authority (`PAYOUT_AUTHORITY_LIMITS`) waits
        (`payout_stage` `awaiting_approval`); a supervisor or admin within their own authority, other than
        the payer (admins excepted), releases it and it goes on its way: M-Pesa by B2C, a bank payout into
        the next payout file, a cheque to finance.

        Requires an `Idempotency-Key` header (400 `idempotency_key_required` without it): a retried
        request with the same key answers the first answer again and does nothing twice.

        Access: supervisors and admins.

        Errors: 400 `idempotency_key_required`, `bad_idempotency_key`; 403 `permission_denied`,
        `above_authority`, `maker_checker`; 404 `not_found`; 409 `not_awaiting_approval`,
        `request_in_progress`; 422 `idempotency_key_reused`.
        """
        payout = get_object_or_404(transactions_visible_to(request.user), pk=transaction_id)

        def handle():
            released = services.payout_release(payout=payout, released_by=request.user)
            return Response(s.TransactionOutputSerializer(released).data)

        return idempotent(request, endpoint=f"payout.release.{transaction_id}", handler=handle)


class PayoutBatchSerializer(serializers.ModelSerializer):
    total = MoneyField()

    class Meta:
        model = PayoutBatch
        fields = ["id", "reference", "currency", "line_count", "total", "created_by", "created_at"]
        read_only_fields = fields


class PayoutBatchInputSerializer(serializers.Serializer):
    currency = serializers.ChoiceField(choices=CURRENCIES, default="KES")


class PayoutBatchListCreateApi(generics.ListAPIView):
    permission_classes = [permissions.MakesPayoutFiles]
    serializer_class = PayoutBatchSerializer

    def get_queryset(self):
        return PayoutBatch.objects.order_by("-created_at")

    @extend_schema(tags=["payments"])
    def get(self, request, *args, **kwargs):
        """List bank payout files.

        Each file made: its reference, currency, number of lines and total, who made it and when; newest
        first, paged by number.

        Access: supervisors and admins.

        Errors: 403 `permission_denied`.
        """
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=PayoutBatchInputSerializer,
        responses={201: PayoutBatchSerializer},
        parameters=[IDEMPOTENCY_KEY],
        tags=["payments"],
    )
    def post(self, request):
        """Make a bank payout file.

        Puts every released, pending bank payout in `currency` (default KES) not yet in a file into one
        new file (CSV layout in docs/operations.md; download it from `download/`), once: a payout is in
        one file only. Each line carries the payout's reference, which the bank quotes on its statement;
        reconciling the statement (`POST /api/payments/bank-statements/reconcile/`) marks it paid.

        Requires an `Idempotency-Key` header (400 `idempotency_key_required` without it): a retried
        request with the same key answers the first answer again and makes one file.

        Access: supervisors and admins.

        Errors: 400 `validation_error`, `idempotency_key_required`, `bad_idempotency_key`; 403
        `permission_denied`; 409 `nothing_to_pay`, `request_in_progress`; 422 `idempotency_key_reused`.
        """

        def handle():
            data = PayoutBatchInputSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            batch = batches.payout_batch_create(created_by=request.user, currency=data.validated_data["currency"])
            return Response(PayoutBatchSerializer(batch).data, status=status.HTTP_201_CREATED)

        return idempotent(request, endpoint="payout.batch", handler=handle)


class PayoutBatchDownloadApi(APIView):
    permission_classes = [permissions.MakesPayoutFiles]

    @extend_schema(responses={(200, "text/csv"): OpenApiTypes.BINARY}, tags=["payments"])
    def get(self, request, batch_id):
        """Download a bank payout file (CSV).

        The file as made (columns `reference`, `payee_name`, `amount`, `currency`, `narrative`), to hand
        to the bank. Downloading it again gives the same file; it pays nothing by itself.

        Access: supervisors and admins.

        Errors: 403 `permission_denied`; 404 `not_found`.
        """
        batch = get_object_or_404(PayoutBatch, pk=batch_id)
        response = HttpResponse(batch.content, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{batch.reference}.csv"'
        return response
