import threading

import pytest
from django.db import connection

from insurehub.integrations import services
from insurehub.integrations.models import VehicleCheck
from insurehub.integrations.resilience import CircuitBreaker
from insurehub.integrations.tests.factories import VehicleCheckFactory, VehicleFactory

pytestmark = pytest.mark.django_db


def test_running_a_final_check_again_calls_nobody(dvla):
    check = VehicleCheckFactory(vehicle=VehicleFactory(registration="AA19AAA"), status="ok")
    assert services.vehicle_check_run(check_id=check.pk).status == "ok"
    assert dvla.requests == []


def test_run_records_attempts_and_raw_answer(dvla):
    vehicle = VehicleFactory(registration="ER19NFD", make="Ford", colour="Red")
    check = VehicleCheckFactory(vehicle=vehicle, status="pending", result={})
    check = services.vehicle_check_run(check_id=check.pk)
    assert check.status == "not_found"
    assert check.findings == ["registration_not_found"]
    assert check.raw_payload["errors"][0]["detail"] == "Record for vehicle not found"
    assert check.attempts == 1


def test_unfinished_checks_are_enqueued_again_only_while_unfinished(dvla):
    vehicle = VehicleFactory(registration="AA19AAA", make="Ford", colour="Red", year=2019)
    pending = VehicleCheckFactory(vehicle=vehicle, status="failed", result={})
    VehicleCheckFactory(vehicle=vehicle, status="ok")
    VehicleCheckFactory(vehicle=vehicle, status="not_configured")
    assert services.unfinished_retry_enqueue() == 1
    pending.refresh_from_db()
    assert pending.status == "ok"
    assert services.unfinished_retry_enqueue() == 0


def test_readyz_reports_breaker_states(api_client, settings):
    breaker = CircuitBreaker("nominatim")
    for _ in range(settings.INTEGRATIONS_BREAKER_FAILURES):
        breaker.record_failure()
    body = api_client.get("/readyz").json()
    assert body["status"] == "ok"  # a failing provider degrades features, not readiness
    report = body["checks"]["integrations"]
    assert report["status"] == "degraded"
    assert report["degraded"] == ["nominatim"]
    assert report["providers"]["nominatim"]["breaker"] == "open"
    assert report["providers"]["dvla"] == {"configured": False, "breaker": "closed", "retry_in_seconds": 0.0}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_workers_running_one_check_write_one_answer(dvla):
    from django.db import connections

    from insurehub.audit.models import AuditEvent

    vehicle = VehicleFactory(registration="AA19AAA", make="Ford", colour="Red", year=2019)
    check = VehicleCheckFactory(vehicle=vehicle, status="pending", result={})
    barrier = threading.Barrier(2)

    def worker():
        try:
            barrier.wait()
            services.vehicle_check_run(check_id=check.pk)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    check.refresh_from_db()
    assert check.status == "ok"
    assert check.attempts == 1
    completed = AuditEvent.objects.filter(object_id=str(check.pk), action="vehicle.check_completed")
    assert completed.count() == 1
    assert VehicleCheck.objects.count() == 1


def test_demo_seed_is_idempotent_and_offline(vpic):
    from insurehub.integrations import demo

    VehicleFactory(vin="WVWZZZ1JZXW000001", make="Volkswagen")
    VehicleFactory(vin="1M8GDM9AXKP042788", make="Mercury", year=1989)
    demo.seed({})
    demo.seed({})
    assert VehicleCheck.objects.count() == 2
    assert set(VehicleCheck.objects.values_list("status", flat=True)) == {"ok"}
    assert VehicleCheck.objects.get(vehicle__make="Mercury").findings == []
    assert vpic.requests == []
