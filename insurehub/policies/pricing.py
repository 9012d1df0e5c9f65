"""Pricing a product for a customer's inputs, from the product's pricing rules.

    premium = max(min_premium, base_premium + rate_of_value x sum_insured) x age factor + add-ons

The age factor is the first loading whose max_age covers the vehicle's age (1 if none).
Every step is kept in the breakdown, so a quote explains itself.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from insurehub.core.errors import ApplicationError
from insurehub.core.money import money
from insurehub.policies.models import PolicyType


@dataclass
class Price:
    premium: Decimal
    sum_insured: Decimal
    breakdown: dict = field(default_factory=dict)


def price(*, policy_type: PolicyType, sum_insured: Decimal, vehicle_age: int | None, addons: list[str]) -> Price:
    rules = policy_type.pricing_rules or {}
    sum_insured = money(sum_insured)
    limit = rules.get("max_sum_insured")
    if limit and sum_insured > Decimal(limit):
        raise ApplicationError(
            "sum_insured_too_high",
            f"This product insures at most {limit} {policy_type.currency}.",
            errors=[{"field": "sum_insured", "message": f"At most {limit}.", "code": "max_value"}],
        )
    max_age = rules.get("max_vehicle_age")
    if vehicle_age is not None and max_age is not None and vehicle_age > max_age:
        raise ApplicationError(
            "vehicle_too_old",
            f"This product covers vehicles up to {max_age} years old.",
            errors=[{"field": "vehicle", "message": f"Older than {max_age} years.", "code": "max_age"}],
        )
    rate = Decimal(rules.get("rate_of_value", "0"))
    base = money(policy_type.base_premium + rate * sum_insured)
    minimum = money(rules.get("min_premium", "0"))
    premium = max(base, minimum)
    factor = Decimal("1")
    if vehicle_age is not None:
        for loading in sorted(rules.get("age_loadings", []), key=lambda item: item["max_age"]):
            if vehicle_age <= loading["max_age"]:
                factor = Decimal(loading["factor"])
                break
        else:
            loadings = rules.get("age_loadings") or []
            if loadings:
                factor = Decimal(max(loadings, key=lambda item: item["max_age"])["factor"])
    premium = money(premium * factor)
    offered = {a["code"]: a for a in policy_type.coverage_details.get("addons", [])}
    unknown = [code for code in addons if code not in offered]
    if unknown:
        raise ApplicationError(
            "unknown_addon",
            f"This product does not offer: {', '.join(unknown)}.",
            errors=[{"field": "addons", "message": f"Not offered: {', '.join(unknown)}.", "code": "invalid_choice"}],
        )
    addon_total = sum((money(offered[code]["price"]) for code in addons), Decimal("0.00"))
    total = money(premium + addon_total)
    return Price(
        premium=total,
        sum_insured=sum_insured,
        breakdown={
            "base_premium": str(money(policy_type.base_premium)),
            "rate_of_value": str(rate),
            "value_component": str(money(rate * sum_insured)),
            "min_premium": str(minimum),
            "age_factor": str(factor),
            "vehicle_age": vehicle_age,
            "addons": {code: offered[code]["price"] for code in addons},
            "premium": str(total),
        },
    )
