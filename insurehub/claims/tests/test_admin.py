"""The admin cannot bypass the claims workflow: the status is read-only in the form, history
cannot be deleted, and the admin's status change goes through claim_transition (history, audit
entry, rollups in step)."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from insurehub.audit.models import AuditEvent
from insurehub.claims.models import Claim, ClaimAssignment, ClaimStatus, ClaimStatusHistory
from insurehub.claims.tests.factories import file_claim

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_for(actors):
    client = Client()
    client.force_login(actors["admin"])
    return client


def _change_form_data(client, claim: Claim) -> dict:
    """What the browser would post back: every input of the change form as rendered."""
    response = client.get(reverse("admin:claims_claim_change", args=[claim.pk]))
    assert response.status_code == 200
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if isinstance(value, bool):
            if value:
                data[name] = "on"
            continue
        data[name] = "" if value is None else str(value)
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = str(management.initial.get(name, 0) or 0)
    return data


def test_the_status_is_not_an_input_of_the_claim_form(admin_client_for, actors):
    claim = file_claim(customer=actors["owner"])
    response = admin_client_for.get(reverse("admin:claims_claim_change", args=[claim.pk]))
    assert response.status_code == 200
    form = response.context["adminform"].form
    for field in ["status", "assigned_agent", "assigned_assessor", "approved_amount", "estimated_cost", "settled_at"]:
        assert field not in form.fields, field
    assert b'name="status"' not in response.content
    assert b"Change status" in response.content  # the way it does change


def test_posting_a_changed_status_leaves_it_unchanged(admin_client_for, actors):
    claim = file_claim(customer=actors["owner"])
    data = _change_form_data(admin_client_for, claim)
    data.update(
        status=ClaimStatus.SETTLED, settled_at="2026-01-01 10:00:00", description="Hit a pothole on Mombasa Rd."
    )
    history_before = ClaimStatusHistory.objects.filter(claim=claim).count()

    response = admin_client_for.post(reverse("admin:claims_claim_change", args=[claim.pk]), data)

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED
    assert claim.settled_at is None
    assert claim.description == "Hit a pothole on Mombasa Rd."  # the editable part went through claim_update
    assert ClaimStatusHistory.objects.filter(claim=claim).count() == history_before
    assert AuditEvent.objects.filter(object_id=str(claim.pk), action="claim.updated").count() == 1
    call_command("rebuild_dashboard_rollups", "--check")


def test_the_claim_cannot_be_added_or_deleted_in_the_admin(admin_client_for, actors):
    claim = file_claim(customer=actors["owner"])
    assert admin_client_for.get(reverse("admin:claims_claim_add")).status_code == 403
    assert (
        admin_client_for.post(reverse("admin:claims_claim_delete", args=[claim.pk]), {"post": "yes"}).status_code == 403
    )
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_status_history_cannot_be_deleted_or_edited(admin_client_for, actors):
    claim = file_claim(customer=actors["owner"])
    row = ClaimStatusHistory.objects.filter(claim=claim).first()
    delete_url = reverse("admin:claims_claimstatushistory_delete", args=[row.pk])
    change_url = reverse("admin:claims_claimstatushistory_change", args=[row.pk])

    assert admin_client_for.post(delete_url, {"post": "yes"}).status_code == 403
    page = admin_client_for.get(change_url)
    assert page.status_code == 200  # shown, read-only
    assert delete_url.encode() not in page.content
    assert admin_client_for.post(change_url, {"to_status": "settled", "reason": "x"}).status_code == 403
    changelist = admin_client_for.get(reverse("admin:claims_claimstatushistory_changelist"))
    assert b"delete_selected" not in changelist.content
    bulk = admin_client_for.post(
        reverse("admin:claims_claimstatushistory_changelist"),
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [row.pk], "post": "yes"},
    )
    assert bulk.status_code in (200, 302)  # "no action selected": the action does not exist
    row.refresh_from_db()
    assert row.to_status == ClaimStatus.SUBMITTED


def test_the_history_inline_offers_no_delete(admin_client_for, actors):
    claim = file_claim(customer=actors["owner"])
    response = admin_client_for.get(reverse("admin:claims_claim_change", args=[claim.pk]))
    for formset in response.context["inline_admin_formsets"]:
        assert not formset.formset.can_delete
        assert not formset.has_add_permission and not formset.has_change_permission


def test_admin_action_moves_claims_through_the_service(admin_client_for, actors):
    claims = [file_claim(customer=actors["owner"]) for _ in range(2)]
    changelist = reverse("admin:claims_claim_changelist")
    selected = {"action": "change_status", ACTION_CHECKBOX_NAME: [c.pk for c in claims]}

    page = admin_client_for.post(changelist, selected)  # the intermediate page asks status and reason
    assert page.status_code == 200
    assert [value for value, _ in page.context["form"].fields["to_status"].choices] == [
        ClaimStatus.UNDER_REVIEW,
        ClaimStatus.WITHDRAWN,
    ]
    no_reason = admin_client_for.post(
        changelist, {**selected, "apply": "1", "to_status": "under_review", "reason": " "}
    )
    assert no_reason.status_code == 200 and "reason" in no_reason.context["form"].errors

    done = admin_client_for.post(
        changelist, {**selected, "apply": "1", "to_status": "under_review", "reason": "Documents complete"}
    )

    assert done.status_code == 302
    for claim in claims:
        claim.refresh_from_db()
        assert claim.status == ClaimStatus.UNDER_REVIEW
        last = ClaimStatusHistory.objects.filter(claim=claim).last()
        assert (last.from_status, last.to_status, last.actor, last.reason) == (
            "submitted",
            "under_review",
            actors["admin"],
            "Documents complete",
        )
        entry = AuditEvent.objects.filter(object_id=str(claim.pk), action="claim.status_changed").get()
        assert entry.actor_id == actors["admin"].pk
        assert entry.changes["status"] == ["submitted", "under_review"]
    call_command("rebuild_dashboard_rollups", "--check")


def test_the_guards_apply_to_the_admin_action(admin_client_for, actors):
    claim = file_claim(customer=actors["owner"])
    url = reverse("admin:claims_claim_transition", args=[claim.pk])
    assert admin_client_for.get(url).status_code == 200
    # settled is not offered from submitted: the form refuses it as an invalid choice
    refused = admin_client_for.post(url, {"apply": "1", "to_status": "settled", "reason": "paid in cash"})
    assert refused.status_code == 200 and "to_status" in refused.context["form"].errors
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED

    for step in ("under_review", "assessment"):
        response = admin_client_for.post(url, {"apply": "1", "to_status": step, "reason": "next step"})
        assert response.status_code == 302
    # approval needs a completed assessment (claims.guards): refused with the service's reason, nothing written
    response = admin_client_for.post(
        url, {"apply": "1", "to_status": "approved", "reason": "ok", "approved_amount": "1000"}, follow=True
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.ASSESSMENT
    assert "assessment must be completed" in " ".join(str(m) for m in response.context["messages"])
    call_command("rebuild_dashboard_rollups", "--check")


def test_admin_assigns_through_the_service(admin_client_for, actors):
    claim = file_claim(customer=actors["owner"])
    url = reverse("admin:claims_claim_assign", args=[claim.pk])
    response = admin_client_for.post(
        url,
        {"apply": "1", "agent": actors["agent"].pk, "assessor": actors["assessor"].pk, "reason": "workload"},
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.assigned_agent, claim.assigned_assessor) == (actors["agent"], actors["assessor"])
    assert ClaimAssignment.objects.filter(claim=claim, assigned_by=actors["admin"]).count() == 2
    assert AuditEvent.objects.filter(object_id=str(claim.pk), action="claim.assigned").count() == 2

    # an agent of another department is refused by the service, with its message
    refused = admin_client_for.post(url, {"apply": "1", "agent": actors["agent_other_dept"].pk}, follow=True)
    assert "department" in " ".join(str(m) for m in refused.context["messages"])
    claim.refresh_from_db()
    assert claim.assigned_agent == actors["agent"]
