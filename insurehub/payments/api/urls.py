from django.conf import settings
from django.urls import path

from insurehub.payments.api import payout_views, views

urlpatterns = [
    path("payments/transactions/", views.TransactionListApi.as_view(), name="transaction-list"),
    path(
        "payments/transactions/<uuid:transaction_id>/", views.TransactionDetailApi.as_view(), name="transaction-detail"
    ),
    path(
        "payments/transactions/<uuid:transaction_id>/payout/",
        views.PayoutConfirmApi.as_view(),
        name="transaction-payout-confirm",
    ),
    path("payments/payouts/", payout_views.PayoutListApi.as_view(), name="payout-list"),
    path(
        "payments/transactions/<uuid:transaction_id>/payout/release/",
        payout_views.PayoutReleaseApi.as_view(),
        name="transaction-payout-release",
    ),
    path("payments/mpesa/b2c/result/", payout_views.B2CResultApi.as_view(), name="mpesa-b2c-result"),
    path("payments/mpesa/b2c/timeout/", payout_views.B2CTimeoutApi.as_view(), name="mpesa-b2c-timeout"),
    path(
        "payments/mpesa/b2c/status-result/", payout_views.B2CStatusResultApi.as_view(), name="mpesa-b2c-status-result"
    ),
    path("payments/payout-batches/", payout_views.PayoutBatchListCreateApi.as_view(), name="payout-batch-list"),
    path(
        "payments/payout-batches/<uuid:batch_id>/download/",
        payout_views.PayoutBatchDownloadApi.as_view(),
        name="payout-batch-download",
    ),
    path("payments/mpesa/stk-push/", views.StkPushApi.as_view(), name="mpesa-stk-push"),
    path("payments/mpesa/callback/", views.MpesaCallbackApi.as_view(), name="mpesa-callback"),
    path("payments/card/intents/", views.CardIntentApi.as_view(), name="card-intent"),
    path("payments/card/webhook/", views.CardWebhookApi.as_view(), name="card-webhook"),
    path("payments/bank-transfers/", views.BankTransferApi.as_view(), name="bank-transfer"),
    path("payments/bank-statements/reconcile/", views.BankStatementReconcileApi.as_view(), name="bank-reconcile"),
    path("payments/schedules/", views.ScheduleListApi.as_view(), name="schedule-list"),
    path("payments/schedules/<uuid:schedule_id>/", views.ScheduleDetailApi.as_view(), name="schedule-detail"),
    path("payments/refunds/", views.RefundListCreateApi.as_view(), name="refund-list"),
    path("payments/refunds/<uuid:refund_id>/decision/", views.RefundDecisionApi.as_view(), name="refund-decision"),
    # Part of the policies contract, served by this app (it knows what was paid).
    path(
        "policies/<uuid:policy_id>/cancellation-quote/",
        views.CancellationQuoteApi.as_view(),
        name="policy-cancel-quote",
    ),
]

if settings.SANDBOX_ROUTES:
    # Outside production only: a customer settling their own sandbox card payment activates the
    # policy without paying, so in production the route does not exist (ALLOW_SANDBOX_PROVIDERS or not).
    urlpatterns.append(
        path(
            "payments/card/sandbox/<uuid:transaction_id>/settle/",
            views.CardSandboxSettleApi.as_view(),
            name="card-sandbox-settle",
        )
    )
