"""Races on PostgreSQL: concurrent scheduling of a claim's assessment gives one active assessment."""

import threading

import pytest
from django.db import connection

from insurehub.assessments import services
from insurehub.assessments.models import Assessment
from insurehub.assessments.tests.factories import claim_for_assessment
from insurehub.claims.models import Claim


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_scheduling_creates_one_active_assessment(actors):
    claim = claim_for_assessment(customer=actors["owner"], agent=actors["agent"], assessor=actors["assessor"])
    results, barrier = [], threading.Barrier(4)

    def schedule():
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            services.assessment_create(claim=Claim.objects.get(pk=claim.pk), created_by=actors["agent"])
            results.append("created")
        except Exception as exc:
            results.append(getattr(exc, "code", type(exc).__name__))
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=schedule) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["assessment_exists"] * 3 + ["created"], results
    assert Assessment.objects.filter(claim=claim).count() == 1
    assert Assessment.objects.get(claim=claim).sections.count() == 8
