from django.urls import path

from insurehub.dashboard.api import views

urlpatterns = [
    path("dashboard/kpi/", views.KpiApi.as_view(), name="dashboard-kpi"),
    path("dashboard/trend/", views.TrendApi.as_view(), name="dashboard-trend"),
    path("dashboard/claims/", views.ClaimsOverviewApi.as_view(), name="dashboard-claims"),
    path("dashboard/assessments/", views.AssessmentsOverviewApi.as_view(), name="dashboard-assessments"),
    path("dashboard/alerts/", views.AlertListApi.as_view(), name="dashboard-alerts"),
    path("dashboard/alerts/summary/", views.AlertSummaryApi.as_view(), name="dashboard-alerts-summary"),
    path(
        "dashboard/alerts/<uuid:alert_id>/acknowledge/", views.AlertAcknowledgeApi.as_view(), name="alert-acknowledge"
    ),
]
