from django.urls import path

from insurehub.assessments.api import views

A = "assessments/<uuid:assessment_id>"

urlpatterns = [
    path("assessments/", views.AssessmentListCreateApi.as_view(), name="assessment-list"),
    path("assessments/section-schemas/", views.SectionSchemasApi.as_view(), name="assessment-section-schemas"),
    path(f"{A}/", views.AssessmentDetailApi.as_view(), name="assessment-detail"),
    path(f"{A}/cancel/", views.AssessmentCancelApi.as_view(), name="assessment-cancel"),
    path(f"{A}/complete/", views.AssessmentCompleteApi.as_view(), name="assessment-complete"),
    path(f"{A}/total-loss/", views.TotalLossApi.as_view(), name="assessment-total-loss"),
    path(f"{A}/sections/", views.SectionListApi.as_view(), name="assessment-sections"),
    path(f"{A}/sections/<str:kind>/", views.SectionDetailApi.as_view(), name="assessment-section"),
    path(f"{A}/photos/", views.PhotoListApi.as_view(), name="assessment-photos"),
    path(f"{A}/photos/<uuid:photo_id>/", views.PhotoDetailApi.as_view(), name="assessment-photo"),
    path(f"{A}/photos/<uuid:photo_id>/<str:variant>/", views.PhotoFileApi.as_view(), name="assessment-photo-file"),
    path(f"{A}/estimates/", views.EstimateListApi.as_view(), name="assessment-estimates"),
    path(f"{A}/estimates/<uuid:estimate_id>/", views.EstimateDetailApi.as_view(), name="assessment-estimate"),
    path(
        f"{A}/estimates/<uuid:estimate_id>/accept/",
        views.EstimateAcceptApi.as_view(),
        name="assessment-estimate-accept",
    ),
    path(f"{A}/report.pdf", views.AssessmentReportApi.as_view(), name="assessment-report"),
    path("claims/<uuid:claim_id>/assessment/", views.ClaimAssessmentApi.as_view(), name="claim-assessment"),
]
