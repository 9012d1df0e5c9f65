import pytest
from django.core.management import call_command

from insurehub.catastrophes.models import CatastropheEvent
from insurehub.claims.models import Claim

pytestmark = pytest.mark.django_db


def test_seed_demo_declares_the_kisumu_flood_with_tagged_claims(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo")
    event = CatastropheEvent.objects.get(name="Kisumu floods")
    assert event.status == "open" and event.desk.count() == 2
    tagged = Claim.objects.filter(catastrophe=event)
    assert tagged.count() == 3
    assert tagged.filter(catastrophe_fast_track=True, assigned_assessor__isnull=False).count() == 2
    call_command("seed_demo")
    assert CatastropheEvent.objects.count() == 1 and Claim.objects.filter(catastrophe=event).count() == 3
