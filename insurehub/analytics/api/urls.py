from django.urls import path

from insurehub.analytics.api import views

urlpatterns = [
    path("analytics/activity/", views.ActivitySummaryApi.as_view(), name="analytics-activity"),
]
