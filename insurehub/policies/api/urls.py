from django.urls import path

from insurehub.policies.api import views

urlpatterns = [
    path("companies/", views.CompanyListCreateApi.as_view(), name="company-list"),
    path("companies/<uuid:company_id>/", views.CompanyDetailApi.as_view(), name="company-detail"),
    path("policy-categories/", views.CategoryListApi.as_view(), name="category-list"),
    path("policy-categories/<slug:slug>/", views.CategoryDetailApi.as_view(), name="category-detail"),
    path("policy-types/", views.PolicyTypeListCreateApi.as_view(), name="policy-type-list"),
    path("policy-types/<uuid:type_id>/", views.PolicyTypeDetailApi.as_view(), name="policy-type-detail"),
    path("policy-types/<uuid:type_id>/reviews/", views.PolicyTypeReviewsApi.as_view(), name="policy-type-reviews"),
    path("policies/", views.PolicyListApi.as_view(), name="policy-list"),
    path("policies/quote/", views.QuoteApi.as_view(), name="policy-quote"),
    path("policies/<uuid:policy_id>/", views.PolicyDetailApi.as_view(), name="policy-detail"),
    path("policies/<uuid:policy_id>/accept/", views.PolicyAcceptApi.as_view(), name="policy-accept"),
    path("policies/<uuid:policy_id>/cancel/", views.PolicyCancelApi.as_view(), name="policy-cancel"),
    path("policies/<uuid:policy_id>/renew/", views.PolicyRenewApi.as_view(), name="policy-renew"),
    path("policies/<uuid:policy_id>/schedule.pdf", views.PolicyScheduleApi.as_view(), name="policy-schedule-pdf"),
    path(
        "policies/<uuid:policy_id>/certificate.pdf", views.PolicyCertificateApi.as_view(), name="policy-certificate-pdf"
    ),
    path("policies/<uuid:policy_id>/history/", views.PolicyHistoryApi.as_view(), name="policy-history"),
    path("policies/<uuid:policy_id>/reviews/", views.PolicyReviewsApi.as_view(), name="policy-reviews"),
]
