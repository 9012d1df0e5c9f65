from django.urls import path

from insurehub.claims.api import catastrophes, geo, views

urlpatterns = [
    path("claims/", views.ClaimListCreateApi.as_view(), name="claim-list"),
    path("claims/bulk/transition/", views.ClaimsBulkTransitionApi.as_view(), name="claims-bulk-transition"),
    path("claims/bulk/assign/", views.ClaimsBulkAssignApi.as_view(), name="claims-bulk-assign"),
    path("claims/bulk/reserve/", views.ClaimsBulkReserveApi.as_view(), name="claims-bulk-reserve"),
    path("claims/bulk/message/", views.ClaimsBulkMessageApi.as_view(), name="claims-bulk-message"),
    path("claims/export.csv", views.ClaimExportApi.as_view(), name="claims-export"),
    path("claims/geo/", geo.ClaimsGeoApi.as_view(), name="claims-geo"),
    path("claims/assignees/", views.StaffAssigneesApi.as_view(), name="claims-assignees"),
    path("claims/<uuid:claim_id>/", views.ClaimDetailApi.as_view(), name="claim-detail"),
    path("claims/<uuid:claim_id>/transition/", views.ClaimTransitionApi.as_view(), name="claim-transition"),
    path("claims/<uuid:claim_id>/assign/", views.ClaimAssignApi.as_view(), name="claim-assign"),
    path("claims/<uuid:claim_id>/assignees/", views.ClaimAssigneesApi.as_view(), name="claim-assignees"),
    path("claims/<uuid:claim_id>/customer/", views.ClaimCustomerApi.as_view(), name="claim-customer"),
    path("claims/<uuid:claim_id>/timeline/", views.ClaimTimelineApi.as_view(), name="claim-timeline"),
    path("claims/<uuid:claim_id>/communications/", views.ClaimCommunicationsApi.as_view(), name="claim-communications"),
    path("claims/<uuid:claim_id>/reserves/", views.ClaimReservesApi.as_view(), name="claim-reserves"),
    path("claims/<uuid:claim_id>/settlement/", views.ClaimSettlementApi.as_view(), name="claim-settlement"),
    path(
        "claims/<uuid:claim_id>/settlement/<uuid:settlement_id>/",
        views.ClaimSettlementActionApi.as_view(),
        name="claim-settlement-action",
    ),
    path(
        "claims/<uuid:claim_id>/settlement/offers/",
        views.ClaimSettlementOffersApi.as_view(),
        name="claim-settlement-offers",
    ),
    path(
        "claims/<uuid:claim_id>/settlement/<uuid:settlement_id>/response/",
        views.ClaimSettlementResponseApi.as_view(),
        name="claim-settlement-response",
    ),
    path(
        "claims/<uuid:claim_id>/document-requests/",
        views.ClaimDocumentRequestsApi.as_view(),
        name="claim-document-requests",
    ),
    path(
        "claims/<uuid:claim_id>/document-requests/<uuid:request_id>/cancel/",
        views.ClaimDocumentRequestCancelApi.as_view(),
        name="claim-document-request-cancel",
    ),
    path("claims/<uuid:claim_id>/report.pdf", views.ClaimReportApi.as_view(), name="claim-report"),
    path("claims/<uuid:claim_id>/catastrophe/", catastrophes.ClaimCatastropheApi.as_view(), name="claim-catastrophe"),
    path(
        "catastrophes/<uuid:event_id>/figures/",
        catastrophes.CatastropheFiguresApi.as_view(),
        name="catastrophe-figures",
    ),
]
