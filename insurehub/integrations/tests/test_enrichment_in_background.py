"""Filing a claim never waits for the providers. With no broker and tasks on the in-process worker
threads (TASKS_IN_PROCESS=thread, the default outside tests), POST /api/claims/ answers while the
claim's enrichment is still waiting on a provider that hangs; the enrichment finishes afterwards.
(The latency itself is measured by bench/bench_fnol.py, not here.)"""

import datetime
import socket
import threading

import pytest
from django.utils import timezone

from insurehub.core import tasks
from insurehub.core.testing import client_for
from insurehub.integrations.models import ClaimEnrichment, EnrichmentStatus
from insurehub.policies.tests.factories import PolicyFactory

REFUSED = "http://127.0.0.1:9"  # nothing listens there: a provider that is down


class HangingProvider:
    """Accepts connections on 127.0.0.1 and never answers, until `release()` hangs up on everyone."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.held: list[socket.socket] = []
        self.connected = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)
            self.connected.set()

    def release(self):
        self.sock.close()
        for conn in self.held:
            conn.close()


@pytest.fixture
def hanging(settings):
    provider = HangingProvider()
    yield provider
    provider.release()


@pytest.mark.django_db(transaction=True)
def test_a_claim_is_filed_while_its_enrichment_still_waits_on_a_hanging_provider(actors, settings, hanging):
    settings.TASKS_IN_PROCESS = "thread"
    settings.INTEGRATIONS_READ_TIMEOUT = 60  # far longer than the request may take
    settings.INTEGRATIONS_RETRIES = 0
    settings.OPEN_METEO_ARCHIVE_BASE_URL = settings.OPEN_METEO_FORECAST_BASE_URL = hanging.url
    settings.NOMINATIM_BASE_URL = settings.VPIC_BASE_URL = REFUSED
    start = timezone.localdate() - datetime.timedelta(days=120)
    policy = PolicyFactory(customer=actors["owner"], start_date=start, end_date=start + datetime.timedelta(days=364))

    response = client_for(actors["owner"]).post(
        "/api/claims/",
        {
            "policy": str(policy.pk),
            "incident_date": (timezone.now() - datetime.timedelta(days=1)).isoformat(),
            "incident_latitude": "-1.263000",
            "incident_longitude": "36.802000",
            "description": "Hit from behind at the Westlands roundabout.",
        },
        format="json",
    )

    assert response.status_code == 201, response.content
    claim_id = response.json()["id"]
    assert hanging.connected.wait(30), "the enrichment never called the weather provider"
    # The answer went out while the weather provider was (and still is) holding the call.
    assert ClaimEnrichment.objects.get(claim_id=claim_id).status == EnrichmentStatus.PENDING

    hanging.release()  # the provider hangs up: the weather part fails, the rest is recorded
    try:
        assert tasks.executor().join(timeout=60), "the enrichment did not finish"
        enrichment = ClaimEnrichment.objects.get(claim_id=claim_id)
        assert enrichment.status == EnrichmentStatus.PARTIAL
        assert enrichment.parts["weather"]["status"] == "failed"
        assert enrichment.parts["incident_location"]["status"] == "ok"
    finally:
        tasks.shutdown(timeout=5)
