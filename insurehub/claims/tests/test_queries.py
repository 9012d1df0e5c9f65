"""A claim's nested lists cost the same number of queries however much happened to it."""

import pytest

from insurehub.claims.services import communication_add, reserve_set
from insurehub.claims.tests.test_access import Claims
from insurehub.core.testing import assert_constant_queries, client_for

pytestmark = pytest.mark.django_db


# The timeline: one query per kind of entry (its catastrophe tags and untags among them).
@pytest.mark.parametrize("suffix, budget", [("timeline/", 9), ("communications/", 4), ("settlement/", 3)])
def test_nested_lists_do_not_grow_with_rows(actors, suffix, budget):
    claim = Claims(actors).approved()
    agent = actors["agent"]
    # One entry first: an empty page skips its SELECT after COUNT(*) = 0, which is not growth.
    communication_add(
        claim=claim, author=agent, channel="note", direction="internal", party="insurer", subject="", body="Opened."
    )

    def grow():
        for index in range(5):
            communication_add(
                claim=claim, author=agent, channel="phone", direction="outbound", party="customer",
                subject=f"Call {index}", body="Update.",
            )  # fmt: skip
            reserve_set(claim=claim, cost_type="own_damage", amount=1000 * (index + 1), reason="revised", actor=agent)

    assert_constant_queries(client_for(agent), f"/api/claims/{claim.pk}/{suffix}", grow=grow, max_queries=budget)
