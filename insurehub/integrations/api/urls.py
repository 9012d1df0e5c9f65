from django.urls import path

from insurehub.integrations import readiness
from insurehub.integrations.api import views

readiness.register()

urlpatterns = [
    path("integrations/vin/<str:vin>/", views.VinDecodeApi.as_view(), name="integrations-vin"),
    path("integrations/weather/", views.WeatherApi.as_view(), name="integrations-weather"),
    path("integrations/geocode/", views.GeocodeApi.as_view(), name="integrations-geocode"),
    path("integrations/geocode/reverse/", views.ReverseGeocodeApi.as_view(), name="integrations-geocode-reverse"),
    path(
        "integrations/claims/<uuid:claim_id>/enrichment/",
        views.ClaimEnrichmentApi.as_view(),
        name="integrations-claim-enrichment",
    ),
    # Part of the vehicles contract (DESIGN.md section 4), served by this app.
    path("vehicles/<uuid:vehicle_id>/checks/", views.VehicleCheckListCreateApi.as_view(), name="vehicle-checks"),
    path(
        "vehicles/<uuid:vehicle_id>/checks/<uuid:check_id>/",
        views.VehicleCheckDetailApi.as_view(),
        name="vehicle-check-detail",
    ),
]
