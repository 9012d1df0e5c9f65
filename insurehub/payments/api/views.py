"""Payments API. Writes that move money honour Idempotency-Key."""

import hmac
import json

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.core.errors import ApplicationError
from insurehub.core.permissions import HasRole, IsStaffRole
from insurehub.core.roles import Role
from insurehub.payments import cards, services
from insurehub.payments.api import serializers as s
from insurehub.payments.idempotency import idempotent
from insurehub.payments.models import Instalment
from insurehub.payments.selectors import refunds_visible_to, schedules_visible_to, transactions_visible_to
from insurehub.policies.selectors import policies_visible_to

IDEMPOTENCY_HEADER = OpenApiParameter(
    "Idempotency-Key", str, OpenApiParameter.HEADER, required=False, description="Replays return the first answer."
)


def _target(request, data):
    policy = get_object_or_404(policies_visible_to(request.user), pk=data["policy"])
    instalment = None
    if data.get("instalment"):
        instalment = get_object_or_404(Instalment.objects.select_related("schedule"), pk=data["instalment"])
    return policy, instalment


class TransactionListApi(generics.ListAPIView):
    serializer_class = s.TransactionOutputSerializer
    filterset_fields = ["status", "method", "direction", "policy"]
    search_fields = ["reference", "receipt_number"]
    ordering_fields = ["created_at", "amount"]

    def get_queryset(self):
        return transactions_visible_to(self.request.user)


class TransactionDetailApi(APIView):
    @extend_schema(responses={200: s.TransactionOutputSerializer}, tags=["payments"])
    def get(self, request, transaction_id):
        txn = get_object_or_404(transactions_visible_to(request.user), pk=transaction_id)
        return Response(s.TransactionOutputSerializer(txn).data)


class StkPushApi(APIView):
    @extend_schema(
        request=s.StkPushInputSerializer,
        responses={202: s.StkPushOutputSerializer},
        parameters=[IDEMPOTENCY_HEADER],
        tags=["payments"],
    )
    def post(self, request):
        def handle():
            data = s.StkPushInputSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            policy, instalment = _target(request, data.validated_data)
            txn = services.mpesa_stk_push(
                policy=policy,
                instalment=instalment,
                phone=data.validated_data["phone"],
                amount=data.validated_data.get("amount"),
                currency=data.validated_data.get("currency"),
                initiated_by=request.user,
            )
            body = {
                "transaction": s.TransactionOutputSerializer(txn).data,
                "customer_message": "Check your phone and enter your M-Pesa PIN to pay.",
            }
            return Response(body, status=status.HTTP_202_ACCEPTED)

        return idempotent(request, endpoint="mpesa.stk_push", handler=handle)


class MpesaCallbackApi(APIView):
    """Daraja posts here. Authenticated by the secret token in the callback URL it was given."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes: list = []

    @extend_schema(
        request={"application/json": dict},
        responses={200: s.CallbackAckSerializer},
        parameters=[OpenApiParameter("token", str, OpenApiParameter.QUERY, required=True)],
        tags=["payments"],
    )
    def post(self, request):
        token = request.query_params.get("token", "")
        secret = settings.MPESA_CALLBACK_SECRET
        if not secret or not hmac.compare_digest(token.encode(), secret.encode()):
            raise ApplicationError("bad_callback_token", "Callback token missing or wrong.", status=403)
        outcome = services.mpesa_callback_record(payload=request.data if isinstance(request.data, dict) else {})
        return Response({"ResultCode": 0, "ResultDesc": f"Accepted ({outcome})"})


class CardIntentApi(APIView):
    @extend_schema(
        request=s.PayInputSerializer,
        responses={201: s.CardIntentOutputSerializer},
        parameters=[IDEMPOTENCY_HEADER],
        tags=["payments"],
    )
    def post(self, request):
        def handle():
            data = s.PayInputSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            policy, instalment = _target(request, data.validated_data)
            txn, client_secret = services.card_intent_create(
                policy=policy,
                instalment=instalment,
                amount=data.validated_data.get("amount"),
                currency=data.validated_data.get("currency"),
                initiated_by=request.user,
            )
            body = {
                "transaction": s.TransactionOutputSerializer(txn).data,
                "client_secret": client_secret,
                "provider": settings.CARD_PROVIDER,
            }
            return Response(body, status=status.HTTP_201_CREATED)

        return idempotent(request, endpoint="card.intent", handler=handle)


class CardWebhookApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes: list = []

    @extend_schema(request={"application/json": dict}, responses={200: s.CallbackAckSerializer}, tags=["payments"])
    def post(self, request):
        provider = cards.get_card_provider()
        raw = request.body
        if not provider.verify_webhook(payload=raw, signature_header=request.META.get("HTTP_STRIPE_SIGNATURE", "")):
            raise ApplicationError("bad_signature", "Webhook signature missing, wrong or too old.", status=400)
        try:
            event = json.loads(raw)
        except ValueError as exc:
            raise ApplicationError("malformed_webhook", "Webhook body is not JSON.") from exc
        outcome = services.card_webhook_record(event=event)
        return Response({"ResultCode": 0, "ResultDesc": outcome})


class CardSandboxSettleApi(APIView):
    """Embedded default only: settle a sandbox card payment as the customer's bank would."""

    @extend_schema(
        request=s.SandboxSettleInputSerializer, responses={200: s.TransactionOutputSerializer}, tags=["payments"]
    )
    def post(self, request, transaction_id):
        if settings.CARD_PROVIDER != "sandbox":
            raise Http404
        txn = get_object_or_404(transactions_visible_to(request.user), pk=transaction_id)
        data = s.SandboxSettleInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        txn = services.card_sandbox_settle(
            txn=txn, succeed=data.validated_data["outcome"] == "succeeded", actor=request.user
        )
        return Response(s.TransactionOutputSerializer(txn).data)


class BankTransferApi(APIView):
    @extend_schema(
        request=s.PayInputSerializer,
        responses={201: s.BankTransferOutputSerializer},
        parameters=[IDEMPOTENCY_HEADER],
        tags=["payments"],
    )
    def post(self, request):
        def handle():
            data = s.PayInputSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            policy, instalment = _target(request, data.validated_data)
            txn = services.bank_transfer_start(
                policy=policy,
                instalment=instalment,
                amount=data.validated_data.get("amount"),
                currency=data.validated_data.get("currency"),
                initiated_by=request.user,
            )
            body = {
                "transaction": s.TransactionOutputSerializer(txn).data,
                "pay_to": services.bank_details(),
                "instructions": f"Transfer exactly {txn.amount} {txn.currency} quoting reference {txn.reference}.",
            }
            return Response(body, status=status.HTTP_201_CREATED)

        return idempotent(request, endpoint="bank.transfer", handler=handle)


class BankStatementReconcileApi(APIView):
    permission_classes = [HasRole(Role.SUPERVISOR, Role.ADMIN)]
    parser_classes = [MultiPartParser]

    @extend_schema(
        request={"multipart/form-data": s.StatementUploadSerializer},
        responses={200: s.ReconcileReportSerializer},
        tags=["payments"],
    )
    def post(self, request):
        data = s.StatementUploadSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise ApplicationError("statement_too_large", "A statement may be at most 5 MB.", status=413)
        try:
            content = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ApplicationError("bad_statement", "The statement must be a UTF-8 CSV file.") from exc
        return Response(services.bank_statement_reconcile(content=content, reconciled_by=request.user))


class ScheduleListApi(generics.ListAPIView):
    serializer_class = s.ScheduleOutputSerializer
    filterset_fields = ["policy", "plan"]

    def get_queryset(self):
        return schedules_visible_to(self.request.user)


class ScheduleDetailApi(APIView):
    @extend_schema(responses={200: s.ScheduleOutputSerializer}, tags=["payments"])
    def get(self, request, schedule_id):
        return Response(
            s.ScheduleOutputSerializer(get_object_or_404(schedules_visible_to(request.user), pk=schedule_id)).data
        )


class RefundListCreateApi(generics.ListAPIView):
    serializer_class = s.RefundOutputSerializer
    filterset_fields = ["status", "transaction"]

    def get_queryset(self):
        return refunds_visible_to(self.request.user)

    @extend_schema(
        request=s.RefundInputSerializer,
        responses={201: s.RefundOutputSerializer},
        parameters=[IDEMPOTENCY_HEADER],
        tags=["payments"],
    )
    def post(self, request):
        def handle():
            data = s.RefundInputSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            txn = get_object_or_404(transactions_visible_to(request.user), pk=data.validated_data["transaction"])
            refund = services.refund_request(
                txn=txn,
                amount=data.validated_data["amount"],
                reason=data.validated_data["reason"],
                requested_by=request.user,
            )
            return Response(s.RefundOutputSerializer(refund).data, status=status.HTTP_201_CREATED)

        return idempotent(request, endpoint="refund.request", handler=handle)


class RefundDecisionApi(APIView):
    permission_classes = [IsStaffRole]

    @extend_schema(
        request=s.RefundDecisionInputSerializer,
        responses={200: s.RefundOutputSerializer},
        parameters=[IDEMPOTENCY_HEADER],
        tags=["payments"],
    )
    def post(self, request, refund_id):
        refund = get_object_or_404(refunds_visible_to(request.user), pk=refund_id)
        if request.user.role == Role.ASSESSOR:
            raise ApplicationError("permission_denied", "Assessors do not decide refunds.", status=403)

        def handle():
            data = s.RefundDecisionInputSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            decided = services.refund_decide(refund=refund, decided_by=request.user, **data.validated_data)
            return Response(s.RefundOutputSerializer(decided).data)

        return idempotent(request, endpoint=f"refund.decide.{refund_id}", handler=handle)


class PayoutConfirmApi(APIView):
    """Supervisors and admins record a refund paid out by finance (M-Pesa B2C or bank)."""

    permission_classes = [HasRole(Role.SUPERVISOR, Role.ADMIN)]

    @extend_schema(
        request=s.PayoutConfirmInputSerializer,
        responses={200: s.TransactionOutputSerializer},
        parameters=[IDEMPOTENCY_HEADER],
        tags=["payments"],
    )
    def post(self, request, transaction_id):
        payout = get_object_or_404(transactions_visible_to(request.user), pk=transaction_id)

        def handle():
            data = s.PayoutConfirmInputSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            confirmed = services.payout_confirm(
                payout=payout, provider_reference=data.validated_data["provider_reference"], confirmed_by=request.user
            )
            return Response(s.TransactionOutputSerializer(confirmed).data)

        return idempotent(request, endpoint=f"payout.confirm.{transaction_id}", handler=handle)
