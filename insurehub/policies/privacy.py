"""Policies are records the law requires us to keep: exported, never deleted on erasure."""

from insurehub.policies.models import Policy, PolicyReview


def export(user) -> dict:
    return {
        "policies": [
            {
                "policy_number": p.policy_number,
                "product": p.policy_type.name,
                "status": p.status,
                "start_date": p.start_date.isoformat(),
                "end_date": p.end_date.isoformat(),
                "premium": str(p.premium),
                "sum_insured": str(p.sum_insured),
                "currency": p.currency,
            }
            for p in Policy.objects.filter(customer=user).select_related("policy_type")
        ],
        "reviews": [
            {"product": r.policy_type.name, "rating": r.rating, "text": r.text, "at": r.created_at.isoformat()}
            for r in PolicyReview.objects.filter(customer=user).select_related("policy_type")
        ],
    }


def erase(user) -> dict:
    deleted, _ = PolicyReview.objects.filter(customer=user).delete()
    return {"reviews_deleted": deleted, "policies_kept": Policy.objects.filter(customer=user).count()}
