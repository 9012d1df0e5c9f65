"""A policy's documents, made on request from what the database holds (core/pdf.py): the policy
schedule (insurer, product, policyholder, vehicle, period, sum insured, premium and its breakdown,
add-ons, instalment plan) and, for an active motor policy, the certificate of insurance.

Nothing is stored: the documents always say what the policy says now. Each download is audited
(`policy.schedule_downloaded`, `policy.certificate_downloaded`): the schedule carries the
policyholder's personal data. The instalment plan belongs to the payments app, which registers
where to read it (`register_instalment_plan`, from PaymentsConfig.ready()), as for overdue policies.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from insurehub.audit.read_audit import record_read
from insurehub.audit.services import audit_record
from insurehub.core.errors import ApplicationError
from insurehub.core.money import format_money
from insurehub.core.pdf import ReportBuilder
from insurehub.policies.models import Policy, PolicyStatus


@dataclass(frozen=True)
class InstalmentLine:
    sequence: int
    due_date: date
    amount: Decimal
    status: str


_instalment_sources: list[Callable[[Policy], list[InstalmentLine]]] = []


def register_instalment_plan(source: Callable[[Policy], list[InstalmentLine]]) -> None:
    """`source(policy)`: the policy's instalments, in order (none before the quote is accepted)."""
    if source not in _instalment_sources:
        _instalment_sources.append(source)


def _instalments(policy: Policy) -> list[InstalmentLine]:
    return [line for source in _instalment_sources for line in source(policy)]


def _day(value: date) -> str:
    return value.strftime("%d %B %Y").lstrip("0")


def _vehicle_rows(policy: Policy) -> list[tuple[str, object]]:
    vehicle = policy.vehicle
    if vehicle is None:
        return []
    return [
        ("Registration", vehicle.registration),
        ("Make and model", f"{vehicle.make} {vehicle.model}"),
        ("Year", vehicle.year),
        ("VIN", vehicle.vin),
        ("Colour", vehicle.colour or "-"),
    ]


def _insurer_rows(policy: Policy) -> list[tuple[str, object]]:
    company = policy.policy_type.company
    return [
        ("Insurer", company.name),
        ("Registration number", company.registration_number),
        ("Contact", " · ".join(part for part in (company.phone, company.email, company.website) if part) or "-"),
    ]


def _schedule_pdf(policy: Policy) -> bytes:
    money = lambda value: format_money(value, policy.currency)  # noqa: E731
    details = policy.quote_details or {}
    pdf = ReportBuilder(
        title=f"Policy schedule {policy.policy_number}",
        subtitle=f"{policy.policy_type.company.name} · issued {_day(timezone.localdate())}",
    )
    pdf.heading("Insurer").key_values(_insurer_rows(policy))
    pdf.heading("Policy").key_values(
        [
            ("Policy number", policy.policy_number),
            ("Product", f"{policy.policy_type.name} ({policy.policy_type.category.name})"),
            ("Status", policy.get_status_display()),
            ("Period of cover", f"{_day(policy.start_date)} to {_day(policy.end_date)}, both days included"),
            ("Sum insured", money(policy.sum_insured)),
            ("Payment plan", policy.get_payment_plan_display()),
        ]
    )
    customer = policy.customer
    pdf.heading("Policyholder").key_values([("Name", customer.name or customer.email), ("E-mail", customer.email)])
    if policy.vehicle is not None:
        pdf.heading("Vehicle insured").key_values(_vehicle_rows(policy))
    offered = {addon["code"]: addon["name"] for addon in policy.policy_type.coverage_details.get("addons", [])}
    addon_prices = details.get("addons") or {}
    breakdown = [
        ["Base premium", money(details.get("base_premium", "0"))],
        [f"Rate on the sum insured ({details.get('rate_of_value', '0')})", money(details.get("value_component", "0"))],
    ]
    if Decimal(str(details.get("min_premium", "0"))) > 0:
        breakdown.append(["Minimum premium", money(details["min_premium"])])
    if details.get("vehicle_age") is not None:
        breakdown.append(
            [f"Vehicle age factor ({details['vehicle_age']} years)", f"x {details.get('age_factor', '1')}"]
        )
    breakdown += [[f"Add-on: {offered.get(code, code)}", money(price)] for code, price in addon_prices.items()]
    breakdown.append(["Total premium", money(policy.premium)])
    pdf.heading("Premium").table(["Item", "Amount"], breakdown)
    pdf.heading("Add-ons")
    if policy.addons:
        pdf.table(
            ["Add-on", "Price"],
            [[offered.get(code, code), money(addon_prices.get(code, "0"))] for code in policy.addons],
        )
    else:
        pdf.paragraph("None chosen.")
    instalments = _instalments(policy)
    pdf.heading("Instalment plan")
    if instalments:
        pdf.table(
            ["#", "Due", "Amount", "Status"],
            [[line.sequence, _day(line.due_date), money(line.amount), line.status] for line in instalments],
        )
    else:
        pdf.paragraph("The instalments are set when the quote is accepted.")
    coverage = policy.policy_type.coverage_details
    if coverage.get("exclusions"):
        pdf.heading("Exclusions").paragraph("\n".join(f"- {item}" for item in coverage["exclusions"]))
    return pdf.build()


def _certificate_pdf(policy: Policy) -> bytes:
    pdf = ReportBuilder(
        title="Certificate of insurance",
        subtitle=f"{policy.policy_type.company.name} · certificate {policy.certificate_number}",
    )
    pdf.key_values(
        [
            ("Certificate number", policy.certificate_number),
            ("Policy number", policy.policy_number),
            ("Policyholder", policy.customer.name or policy.customer.email),
            *_vehicle_rows(policy),
            ("Period of cover", f"{_day(policy.start_date)} to {_day(policy.end_date)}, both days included"),
            ("Type of cover", policy.policy_type.name),
            *_insurer_rows(policy),
        ]
    )
    pdf.spacer().paragraph(
        "This certificate is evidence of the insurance of the vehicle above for the period shown. "
        "It is void if the policy is cancelled or lapses."
    )
    return pdf.build()


def certificate_available(policy: Policy) -> bool:
    """A certificate of insurance is there for an active motor policy (it has its number from activation)."""
    return (
        policy.policy_type.category_id == "motor"
        and policy.status == PolicyStatus.ACTIVE
        and bool(policy.certificate_number)
    )


@transaction.atomic
def policy_schedule_issue(*, policy: Policy, downloaded_by) -> bytes:
    """The policy schedule as a PDF, for anyone who may see the policy; the download is audited."""
    data = _schedule_pdf(policy)
    audit_record(actor=downloaded_by, action="policy.schedule_downloaded", target=policy)
    record_read(downloaded_by, policy.customer_id, "policies.schedule_pdf", policy.pk, f"{policy.policy_number}.pdf")
    return data


@transaction.atomic
def policy_certificate_issue(*, policy: Policy, downloaded_by) -> bytes:
    """The motor certificate of insurance as a PDF, while the policy is active; audited."""
    if not certificate_available(policy):
        raise ApplicationError(
            "no_certificate",
            "A certificate of insurance is issued for an active motor policy only.",
            status=409,
            extra={"current_status": policy.status},
        )
    data = _certificate_pdf(policy)
    audit_record(
        actor=downloaded_by,
        action="policy.certificate_downloaded",
        target=policy,
        changes={"certificate_number": policy.certificate_number},
    )
    record_read(downloaded_by, policy.customer_id, "policies.certificate_pdf", policy.pk, policy.certificate_number)
    return data
