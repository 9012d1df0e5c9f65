"""Payments API. Writes that move money require an Idempotency-Key (core.idempotency)."""

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
from insurehub.core.idempotency import IDEMPOTENCY_KEY, idempotent
from insurehub.payments import cards, permissions, services
from insurehub.payments.api import serializers as s
from insurehub.payments.cancellation import cancellation_refund
from insurehub.payments.models import Instalment, normalised_phone_or_as_is
from insurehub.payments.selectors import refunds_visible_to, schedules_visible_to, transactions_visible_to
from insurehub.policies.selectors import policies_visible_to
from insurehub.policies.workflow import check_action


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
    # The phone is sealed: a whole number (0712..., +2547...) matches its blind index exactly.
    blind_index_search = {"phone_hash": "phone"}
    ordering_fields = ["created_at", "amount"]

    def blind_index_term(self, purpose, term):
        return normalised_phone_or_as_is(term)

    def get_queryset(self):
        # The sealed columns (phone, payee, provider messages) are not shown: not read, not decrypted.
        return transactions_visible_to(self.request.user).defer("phone", "payee", "provider_payloads")

    @extend_schema(tags=["payments"])
    def get(self, request, *args, **kwargs):
        """List payments and payouts.

        Incoming payments (premiums) and outgoing ones (refund payouts, claim settlements) with their
        method, amount, status and references; paged by number. Filters: `status`, `method`,
        `direction` (`in`, `out`), `policy`; `search` in our reference and the provider's receipt
        number, or a whole phone number (sealed: matched exactly by its blind index, never in part);
        `ordering` by `created_at` or `amount`.

        Access: customers see their own; agents, supervisors and admins all;
        assessors those of the claims assigned to them.

        Errors: 400 `validation_error` (a malformed filter value).
        """
        return super().get(request, *args, **kwargs)


class TransactionDetailApi(APIView):
    @extend_schema(responses={200: s.TransactionOutputSerializer}, tags=["payments"])
    def get(self, request, transaction_id):
        """Show a payment or payout.

        Access: its customer; staff and admins.

        Errors: 404 `not_found`.
        """
        txn = get_object_or_404(transactions_visible_to(request.user), pk=transaction_id)
        return Response(s.TransactionOutputSerializer(txn).data)


class StkPushApi(APIView):
    @extend_schema(
        request=s.StkPushInputSerializer,
        responses={202: s.StkPushOutputSerializer},
        parameters=[IDEMPOTENCY_KEY],
        tags=["payments"],
    )
    def post(self, request):
        """Pay a policy's instalment by M-Pesa (STK push).

        Sends an M-Pesa payment prompt to `phone` (a Kenyan number, e.g. `0712345678` or `2547...`) for
        the policy's next due instalment, or the `instalment` named; `amount` and `currency`, when
        given, must match it. Answers 202 with the `pending` transaction: the customer enters their PIN
        on the phone, Daraja calls back and the payment succeeds or fails (`payment.succeeded` /
        `payment.failed` events; the policy turns active on its first payment). A push whose callback
        never comes is settled by asking Daraja for its status later.

        Requires an `Idempotency-Key` header (400 `idempotency_key_required` without it): a retried
        request with the same key and body answers the first answer again (`Idempotent-Replayed: true`)
        and does nothing twice; the same key with another body answers 422 `idempotency_key_reused`, and
        409 `request_in_progress` while the first runs.

        Access: the policy's customer; staff and admins on their behalf.

        Errors: 400 `validation_error`, `idempotency_key_required`, `bad_idempotency_key`,
        `invalid_phone`, `instalment_mismatch`, `currency_mismatch`, `amount_mismatch` (it must be the
        instalment's amount); 404 `not_found` (a policy or instalment the caller may not see); 409
        `policy_not_payable` (only a policy awaiting payment, active or lapsed takes payment),
        `nothing_due`, `instalment_paid`, `currency_unsupported` (M-Pesa takes KES only),
        `request_in_progress`; 422 `idempotency_key_reused`; 502 `mpesa_unavailable` (Daraja refused the
        push; the transaction is failed); 503 `mpesa_not_configured`.
        """

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

        return idempotent(request, endpoint="mpesa.stk_push", handler=handle, atomic=False)  # calls Daraja


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
        """Receive an M-Pesa payment result (Daraja callback).

        Daraja's STK callback (`Body.stkCallback` with `CheckoutRequestID`, `ResultCode` and the
        metadata) for a push we made. A success credits the instalment once however many times the
        callback comes (repeats answer `duplicate`); a failure, or an amount below what is due, fails
        the payment. Always answered in Daraja's format (`ResultCode` 0) when accepted.

        Access: Daraja: no user token; the `token` query parameter must be the callback secret
        (`MPESA_CALLBACK_SECRET`) that was in the callback URL we gave it.

        Errors: 400 `malformed_callback`; 403 `bad_callback_token`; 404 `unknown_checkout` (no payment
        waits for this CheckoutRequestID).
        """
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
        parameters=[IDEMPOTENCY_KEY],
        tags=["payments"],
    )
    def post(self, request):
        """Start a card payment of a policy's instalment.

        Creates a payment intent with the card provider (`CARD_PROVIDER`: Stripe, or the sandbox of the
        embedded default) for the policy's next due instalment, or the `instalment` named. Answers 201
        with the `pending` transaction and the intent's `client_secret`, which the web app hands to the
        provider's card form; the result arrives by the provider's webhook.

        An instalment has at most one open card payment: while one is pending, asking again answers that
        payment and its `client_secret` (nothing new is created), so however often the customer asks, the
        card is charged once; when the instalment is paid another way, its open card payment is cancelled.

        Requires an `Idempotency-Key` header (400 `idempotency_key_required` without it): a retried
        request with the same key and body answers the first answer again (`Idempotent-Replayed: true`)
        and does nothing twice; the same key with another body answers 422 `idempotency_key_reused`, and
        409 `request_in_progress` while the first runs.

        Access: the policy's customer; staff and admins on their behalf.

        Errors: 400 `validation_error`, `idempotency_key_required`, `bad_idempotency_key`,
        `instalment_mismatch`, `currency_mismatch`, `amount_mismatch` (it must be the instalment's
        amount); 404 `not_found`; 409 `policy_not_payable` (only a policy awaiting payment, active or
        lapsed takes payment), `nothing_due`, `instalment_paid`, `payment_in_progress` (the open card
        payment is being started or completed: its result comes shortly), `request_in_progress`; 422
        `idempotency_key_reused`; 502 `card_provider_unavailable`.
        """

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
                "publishable_key": settings.STRIPE_PUBLISHABLE_KEY if settings.CARD_PROVIDER == "stripe" else "",
            }
            return Response(body, status=status.HTTP_201_CREATED)

        return idempotent(request, endpoint="card.intent", handler=handle, atomic=False)  # calls the provider


class CardWebhookApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes: list = []

    @extend_schema(request={"application/json": dict}, responses={200: s.CallbackAckSerializer}, tags=["payments"])
    def post(self, request):
        """Receive a card payment result (Stripe webhook).

        `payment_intent.succeeded`, `payment_intent.payment_failed` and `payment_intent.canceled` events
        settle the payment they are about, once; other event types are acknowledged and ignored.

        Access: the card provider: no user token; the `Stripe-Signature` header must verify with
        `STRIPE_WEBHOOK_SECRET` and be recent.

        Errors: 400 `bad_signature`, `malformed_webhook`; 404 `unknown_intent` (no payment waits for
        this intent).
        """
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
        """Settle a sandbox card payment.

        Plays the customer's bank for a payment made with the sandbox card provider (the embedded
        default): `outcome` `succeeded` credits the instalment (the policy may turn active), `failed`
        fails it. A payment whose instalment was paid meanwhile is `cancelled` instead: nothing is
        collected twice. Exists only outside production, and only while `CARD_PROVIDER` is `sandbox`.

        Access: whoever may see the transaction.

        Errors: 400 `validation_error`; 404 `not_found` (also when the card provider is not the
        sandbox); 409 `not_sandbox`, `already_settled`.
        """
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
        parameters=[IDEMPOTENCY_KEY],
        tags=["payments"],
    )
    def post(self, request):
        """Pay a policy's instalment by bank transfer.

        Records a `pending` transfer for the policy's next due instalment (or the `instalment` named)
        and answers 201 with our bank details (`pay_to`) and the `reference` the customer must quote.
        The payment succeeds when a bank statement with that reference and the exact amount is
        reconciled.

        Requires an `Idempotency-Key` header (400 `idempotency_key_required` without it): a retried
        request with the same key and body answers the first answer again (`Idempotent-Replayed: true`)
        and does nothing twice; the same key with another body answers 422 `idempotency_key_reused`, and
        409 `request_in_progress` while the first runs.

        Access: the policy's customer; staff and admins on their behalf.

        Errors: 400 `validation_error`, `idempotency_key_required`, `bad_idempotency_key`,
        `instalment_mismatch`, `currency_mismatch`, `amount_mismatch` (it must be the instalment's
        amount); 404 `not_found`; 409 `policy_not_payable` (only a policy awaiting payment, active or
        lapsed takes payment), `nothing_due`, `instalment_paid`, `request_in_progress`; 422
        `idempotency_key_reused`.
        """

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
    permission_classes = [permissions.ReconcilesBankStatements]
    parser_classes = [MultiPartParser]

    @extend_schema(
        request={"multipart/form-data": s.StatementUploadSerializer},
        responses={200: s.ReconcileReportSerializer},
        tags=["payments"],
    )
    def post(self, request):
        """Reconcile a bank statement.

        `multipart/form-data` with a UTF-8 CSV `file` (at most 5 MB) with the columns `date`,
        `reference`, `amount`, `currency` and `bank_reference`. Each line is matched to a pending
        transfer by its reference, currency and exact amount and credits it; a bank line is credited at
        most once ever, so uploading the same statement twice is harmless. The answer lists the lines
        `matched`, `already_credited` and `unmatched` (with the reason).

        Access: supervisors and admins.

        Errors: 400 `validation_error` (no file), `bad_statement` (not UTF-8, or columns missing); 403
        `permission_denied`; 413 `statement_too_large`.
        """
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

    @extend_schema(tags=["payments"])
    def get(self, request, *args, **kwargs):
        """List payment schedules.

        Each policy's plan (annual, quarterly, monthly) with its instalments: amount, due date, status
        (`due`, `paid`, `waived`) and when paid; paged by number. Filters: `policy`, `plan`.

        Access: customers see their own; agents, supervisors and admins all;
        assessors those of the claims assigned to them.

        Errors: 400 `validation_error` (a malformed filter value).
        """
        return super().get(request, *args, **kwargs)


class ScheduleDetailApi(APIView):
    @extend_schema(responses={200: s.ScheduleOutputSerializer}, tags=["payments"])
    def get(self, request, schedule_id):
        """Show a payment schedule with its instalments.

        Access: the policy's customer; staff and admins.

        Errors: 404 `not_found`.
        """
        return Response(
            s.ScheduleOutputSerializer(get_object_or_404(schedules_visible_to(request.user), pk=schedule_id)).data
        )


class RefundListCreateApi(generics.ListAPIView):
    serializer_class = s.RefundOutputSerializer
    filterset_fields = ["status", "transaction"]

    def get_queryset(self):
        return refunds_visible_to(self.request.user)

    @extend_schema(tags=["payments"])
    def get(self, request, *args, **kwargs):
        """List refunds.

        Refund requests with their amount, reason, status (`requested`, `approved`, `rejected`), who
        asked and decided, and the payout; paged by number. Filters: `status`, `transaction`.

        Access: customers see the refunds of their payments; agents, supervisors and admins all;
        assessors those of the claims assigned to them.

        Errors: 400 `validation_error` (a malformed filter value).
        """
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=s.RefundInputSerializer,
        responses={201: s.RefundOutputSerializer},
        parameters=[IDEMPOTENCY_KEY],
        tags=["payments"],
    )
    def post(self, request):
        """Request a refund of a payment.

        Asks for `amount` (at most what is left of the payment after earlier refunds) back from a
        succeeded incoming `transaction`, with a `reason`; staff then decide. Answers the request (201).

        Requires an `Idempotency-Key` header (400 `idempotency_key_required` without it): a retried
        request with the same key and body answers the first answer again (`Idempotent-Replayed: true`)
        and does nothing twice; the same key with another body answers 422 `idempotency_key_reused`, and
        409 `request_in_progress` while the first runs.

        Access: the payment's customer; staff and admins.

        Errors: 400 `validation_error`, `idempotency_key_required`, `bad_idempotency_key`,
        `refund_too_large`; 404 `not_found`; 409 `not_refundable` (not a succeeded incoming payment),
        `request_in_progress`; 422 `idempotency_key_reused`.
        """

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
    permission_classes = [permissions.StaffOnly, permissions.DecidesRefunds]

    @extend_schema(
        request=s.RefundDecisionInputSerializer,
        responses={200: s.RefundOutputSerializer},
        parameters=[IDEMPOTENCY_KEY],
        tags=["payments"],
    )
    def post(self, request, refund_id):
        """Approve or reject a refund request.

        `approve: false` rejects it (with a `note`). `approve: true` creates the payout: card refunds
        are sent to the card provider at once; M-Pesa and bank refunds are `pending` until finance
        confirms them (`POST /api/payments/transactions/{id}/payout/`). The payment becomes refunded or
        partially refunded; an active policy all of whose payments are refunded is cancelled.

        Requires an `Idempotency-Key` header (400 `idempotency_key_required` without it): a retried
        request with the same key and body answers the first answer again (`Idempotent-Replayed: true`)
        and does nothing twice; the same key with another body answers 422 `idempotency_key_reused`, and
        409 `request_in_progress` while the first runs.

        Access: agents, supervisors and admins; whoever requested a refund may not approve it too
        (admins excepted).

        Errors: 400 `validation_error`, `idempotency_key_required`, `bad_idempotency_key`; 403
        `permission_denied` (customers, assessors), `maker_checker`; 404 `not_found`; 409
        `already_decided`, `refund_too_large`, `request_in_progress`; 422 `idempotency_key_reused`; 502
        `card_provider_unavailable`.
        """
        refund = get_object_or_404(refunds_visible_to(request.user), pk=refund_id)
        self.check_object_permissions(request, refund)

        def handle():
            data = s.RefundDecisionInputSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            decided = services.refund_decide(refund=refund, decided_by=request.user, **data.validated_data)
            return Response(s.RefundOutputSerializer(decided).data)

        # A card refund calls the provider.
        return idempotent(request, endpoint=f"refund.decide.{refund_id}", handler=handle, atomic=False)


class PayoutConfirmApi(APIView):
    """Supervisors and admins record a refund paid out by finance (M-Pesa B2C or bank)."""

    permission_classes = [permissions.ConfirmsPayouts]

    @extend_schema(
        request=s.PayoutConfirmInputSerializer,
        responses={200: s.TransactionOutputSerializer},
        parameters=[IDEMPOTENCY_KEY],
        tags=["payments"],
    )
    def post(self, request, transaction_id):
        """Confirm a payout made by finance.

        Records that a pending outgoing payment (an M-Pesa B2C or bank refund) was paid, with the
        provider's reference; the payout succeeds (`payment.payout_confirmed`).

        Requires an `Idempotency-Key` header (400 `idempotency_key_required` without it): a retried
        request with the same key and body answers the first answer again (`Idempotent-Replayed: true`)
        and does nothing twice; the same key with another body answers 422 `idempotency_key_reused`, and
        409 `request_in_progress` while the first runs.

        Access: supervisors and admins.

        Errors: 400 `validation_error`, `idempotency_key_required`, `bad_idempotency_key`; 403
        `permission_denied`; 404 `not_found`; 409 `not_a_pending_payout`, `reference_used` (the
        reference is already on another payment), `request_in_progress`; 422 `idempotency_key_reused`.
        """
        payout = get_object_or_404(transactions_visible_to(request.user), pk=transaction_id)

        def handle():
            data = s.PayoutConfirmInputSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            confirmed = services.payout_confirm(
                payout=payout, provider_reference=data.validated_data["provider_reference"], confirmed_by=request.user
            )
            return Response(s.TransactionOutputSerializer(confirmed).data)

        return idempotent(request, endpoint=f"payout.confirm.{transaction_id}", handler=handle)


class CancellationQuoteApi(APIView):
    @extend_schema(responses={200: s.CancellationQuoteOutputSerializer}, tags=["policies"])
    def get(self, request, policy_id):
        """Show the refund cancelling a policy today would give.

        The premium earned by the days covered (the day of cancellation included) is kept; the rest
        of what was paid is the `refund`, which `POST /api/policies/{id}/cancel/` asks for (the same
        computation; staff then decide it as any refund). Nothing is written.

        Access: whoever may see the policy.

        Errors: 404 `not_found`; 409 `illegal_transition` (the policy can no longer be cancelled).
        """
        policy = get_object_or_404(policies_visible_to(request.user), pk=policy_id)
        check_action(policy, "cancel")
        return Response(s.CancellationQuoteOutputSerializer(cancellation_refund(policy)).data)
